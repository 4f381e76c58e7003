"""The window's commands declared as data; menus and shortcuts are built from this table.

Declaring them in one place keeps shortcuts unique and lets tests trigger any command by id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    menu: str
    handler: str  # name of a method on the window
    shortcut: str | QKeySequence.StandardKey | None = None
    checkable: bool = False
    tip: str = ""
    separator_before: bool = False


ACTIONS: list[ActionSpec] = [
    ActionSpec("open", "&Open Workspace…", "&File", "open_workspace_dialog", QKeySequence.StandardKey.Open),
    ActionSpec("new", "&New Workspace…", "&File", "new_workspace_dialog", QKeySequence.StandardKey.New),
    ActionSpec("import", "&Import Articles…", "&File", "import_dialog", "Ctrl+I",
               tip="Import .txt, .md or .html articles (you can also drop files on the window)",
               separator_before=True),
    ActionSpec("cleaning", "What Cleaning &Removed…", "&File", "show_cleaning_report"),
    ActionSpec("check", "&Check Workspace", "&File", "check_workspace", "Ctrl+Shift+C",
               tip="Validate sources, codebook and annotations (as 'sidelight check' does)"),
    ActionSpec("quit", "&Quit", "&File", "close", "Ctrl+Q", separator_before=True),
    ActionSpec("undo", "&Undo", "&Edit", "undo", QKeySequence.StandardKey.Undo),
    ActionSpec("redo", "&Redo", "&Edit", "redo", "Ctrl+Shift+Z"),
    ActionSpec("find", "&Find in Documents…", "&Edit", "open_find", QKeySequence.StandardKey.Find,
               separator_before=True),
    ActionSpec("find_next", "Find &Next", "&Edit", "find_next", QKeySequence.StandardKey.FindNext),
    ActionSpec("find_previous", "Find Pre&vious", "&Edit", "find_previous", QKeySequence.StandardKey.FindPrevious),
    ActionSpec("sync", "&Synchronised Scrolling", "&View", "set_sync_scrolling", "Ctrl+Shift+S", checkable=True),
    ActionSpec("next_area", "Next &Area", "&View", "focus_next_area", "F6",
               tip="Move the keyboard to the next area: document list, each open document, panels"),
    ActionSpec("previous_area", "Previous A&rea", "&View", "focus_previous_area", "Shift+F6"),
    ActionSpec("zoom_in", "Zoom &In", "&View", "zoom_in", QKeySequence.StandardKey.ZoomIn, separator_before=True),
    ActionSpec("zoom_out", "Zoom &Out", "&View", "zoom_out", QKeySequence.StandardKey.ZoomOut),
    ActionSpec("zoom_reset", "&Reset Zoom", "&View", "zoom_reset", "Ctrl+0"),
    ActionSpec("claims", "Claim &Highlights", "&Claims", "set_claim_highlights", "Ctrl+Shift+H", checkable=True,
               tip="Colour claims shared by all, by some, or only one outlet"),
    ActionSpec("next_claim", "&Next Claim", "&Claims", "next_claim", "Alt+Down",
               tip="The next claim in the Claims panel's list (choose a filter there: conflicting, left out…)"),
    ActionSpec("previous_claim", "&Previous Claim", "&Claims", "previous_claim", "Alt+Up"),
    ActionSpec("link_claims", "&Link Claim at Cursor", "&Claims", "link_claim_at_cursor", "Ctrl+Shift+L",
               tip="Put the cursor in a claim, Ctrl+Shift+L, put it in the claim in another document that says "
                   "the same, Ctrl+Shift+L (Esc cancels)"),
    ActionSpec("accept_suggestion", "Link the &Best Suggestion", "&Claims", "accept_suggestion", "Ctrl+Shift+J",
               tip="Link the chosen claim with its strongest possible counterpart (Compare Claims lists them); "
                   "with the filter 'With possible counterparts to check' and Alt+Down, review them one by one"),
    ActionSpec("strict", "&Strict Matching", "&Claims", "set_strict_matching", checkable=True,
               tip="Link only the surest claim pairs: fewer links, nearly all right; the rest are offered as "
                   "possible counterparts"),
    ActionSpec("context", "Use &Other Sources as Context", "&Claims", "set_workspace_context", checkable=True,
               tip="Align the open documents together with the workspace's other sources: a claim that a third "
                   "outlet words like both is linked more surely (the other sources stay hidden)"),
    ActionSpec("saved_corrections", "Saved &Corrections…", "&Claims", "show_saved_corrections",
               tip="Every link, unlink and 'no other outlet' you saved, whether each still applies; drop or update them",
               separator_before=True),
    ActionSpec("realign", "&Align Again", "&Claims", "realign", "F5"),
    ActionSpec("export_comparison", "&Export Comparison…", "&Claims", "export_comparison",
               tip="Save the claims on show, corrections included, as a web page, JSON or plain text "
                   "(as 'sidelight compare' prints them)", separator_before=True),
    ActionSpec("annotate", "&Annotate Selection…", "&Annotate", "annotate", "Ctrl+E",
               tip="Code the selected passage (type to filter codes, 1–9 for recent ones)"),
    ActionSpec("link", "&Link Selection to Another Document", "&Annotate", "link_selection", "Ctrl+L",
               tip="Select a passage, Ctrl+L, select the related passage in another document, Ctrl+L"),
    ActionSpec("edit_annotation", "&Edit Annotation…", "&Annotate", "edit_annotation", "Ctrl+Shift+E",
               tip="Recode the annotation under the cursor (or the one chosen in the Annotations panel)"),
    ActionSpec("delete_annotation", "&Delete Chosen Annotations", "&Annotate", "delete_annotations", "Ctrl+Del"),
    ActionSpec("annotation_highlights", "Annotation &Highlights", "&Annotate", "set_annotation_highlights",
               "Ctrl+Shift+N", checkable=True),
    ActionSpec("colleague", "Show a &Colleague's Annotations…", "&Annotate", "show_colleague", "Ctrl+Shift+R",
               tip="Another reviewer's annotations beside yours, read-only (dotted lines)"),
    ActionSpec("review", "Compare &Reviewers", "&Annotate", "show_review", "Ctrl+Shift+A",
               tip="How far the reviewers agree (Krippendorff's alpha, Cohen's kappa per code and field) and the "
                   "sentences they coded differently, in the Review panel"),
    ActionSpec("codebook", "&Codebook…", "&Annotate", "open_codebook", "Ctrl+Shift+K", separator_before=True),
    ActionSpec("reviewer", "&Reviewer Name…", "&Annotate", "change_reviewer"),
    ActionSpec("save", "&Save Now", "&Annotate", "save_now", QKeySequence.StandardKey.Save,
               tip="Annotations save themselves a moment after every change; this saves at once"),
    ActionSpec("about", "&About Sidelight", "&Help", "show_about"),
]


def build_actions(window: QMainWindow, specs: list[ActionSpec] = ACTIONS) -> dict[str, QAction]:
    menus: dict[str, QMenu] = {}
    actions: dict[str, QAction] = {}
    for spec in specs:
        menu = menus.get(spec.menu)
        if menu is None:
            menu = menus[spec.menu] = window.menuBar().addMenu(spec.menu)
            menu.setObjectName("menu-" + spec.menu.replace("&", "").lower())
        if spec.separator_before and not menu.isEmpty():
            menu.addSeparator()
        action = QAction(spec.text, window)
        action.setObjectName(spec.id)
        if isinstance(spec.shortcut, str):
            action.setShortcut(QKeySequence(spec.shortcut))
        elif spec.shortcut is not None:
            action.setShortcuts(QKeySequence.keyBindings(spec.shortcut))
        if spec.id == "zoom_in":  # Ctrl+= as well as Ctrl++ on keyboards without a plus key
            action.setShortcuts([*action.shortcuts(), QKeySequence("Ctrl+=")])
        action.setCheckable(spec.checkable)
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip)
        handler: Callable = getattr(window, spec.handler)
        if spec.checkable:
            action.toggled.connect(handler)
        else:
            action.triggered.connect(lambda _checked=False, h=handler: h())
        menu.addAction(action)
        actions[spec.id] = action
    return actions
