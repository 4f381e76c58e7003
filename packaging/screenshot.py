"""Save a picture of the real window on the sample workspace (for the README and for looking).

Runs on whatever Qt platform is set: under Xvfb it is a real X window; with
QT_QPA_PLATFORM=offscreen it is Qt's own rendering of the same widgets.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(out: str) -> int:
    config = Path(tempfile.mkdtemp(prefix="sidelight-shot-"))
    os.environ["SIDELIGHT_CONFIG_DIR"] = str(config)
    (config / "settings.yaml").write_text("schema: 1\nreviewer: alice\n", encoding="utf-8")  # a sample reviewer
    from PySide6.QtCore import QTimer

    from sidelight.gui.app import create_app, create_window

    app = create_app()
    # --workspace=PATH: another folder than the sample (a copy with corrections, a folder that is not one)
    folder = next((a.split("=", 1)[1] for a in sys.argv[2:] if a.startswith("--workspace=")), str(ROOT))
    window = create_window(folder)
    window.resize(1500, 900)
    window.show()
    extra = sys.argv[2:]
    if "--three" in extra:
        window.doc_model.set_shown([s.id for s in window.doc_model.sources[:3]])
    if "--all" in extra:  # every article of the workspace side by side
        window.doc_model.set_shown([s.id for s in window.doc_model.sources])
    if "--two" in extra:  # two articles, the rest of the workspace as context
        window.doc_model.set_shown([s.id for s in window.doc_model.sources[:2]])
    if "--coverage" in extra:  # the claims x outlets matrix in front of the claims list
        window.claims_panel.tabs.setCurrentIndex(1)
    if "--annotations" in extra:
        window.annotations_dock.raise_()
    if "--find" in extra:
        window.open_find()
        window.find_bar.field.setText("trading partner")

    waited = [0]

    def choose_and_read_to_the_end(unit_ids: list[str]) -> None:
        """Choose the first of these units and scroll Compare Claims to its end (where the
        corrections and suggestions are)."""
        if unit_ids:
            window.claims.select_unit(unit_ids[0])
            bar = window.pair_view.browser.verticalScrollBar()
            QTimer.singleShot(300, lambda: bar.setValue(bar.maximum()))

    def select_shared_claim() -> None:
        alignment = window.claims.alignment
        if alignment is None and waited[0] < 150:  # a slow machine: wait for the alignment, up to 30 s
            waited[0] += 1
            QTimer.singleShot(200, select_shared_claim)
            return
        QTimer.singleShot(1300, grab)
        if alignment is not None and "--unlinked" in extra:  # a claim the saved corrections keep apart
            from sidelight.core.alignment.saved_unlinks import unlinks_of

            choose_and_read_to_the_end([u.id for u in alignment.units
                                        if unlinks_of(window.claims.corrections, alignment, u.id)])
            return
        if alignment is not None and "--blocked" in extra:  # a suggestion with a sentence in its way
            from sidelight.gui.claims.pair_view import blocking_pair

            choose_and_read_to_the_end([u.id for u in alignment.units for o, _m in alignment.possible_counterparts(u.id)
                                        if blocking_pair(alignment, u.id, o.id)])
            return
        if alignment is not None and "--suggested" in extra:  # a claim with a possible counterpart, shown in place
            choose_and_read_to_the_end([u.id for u in alignment.units if not alignment.counterparts(u.id)
                                        and alignment.possible_counterparts(u.id)])
            return
        if alignment is not None and "--merge" in extra:  # the question before a link merges two claims
            QTimer.singleShot(100, lambda: ask_to_merge(alignment))
            return
        if alignment is not None:
            through = [g for g in alignment.groups if g.kind != "unique" and g.context] if "--two" in extra else []
            conflicted = through or [g for g in alignment.groups if g.kind != "unique" and g.conflicts]
            shared = conflicted or [g for g in alignment.groups if g.kind != "unique"]
            if shared:
                window.claims.select_unit(shared[0].units[0])
                if "--link" in extra:  # link mode, then a scroll, as a researcher would look for the other claim
                    window.pair_view.link_button.click()
                    bar = window.view.panes[-1].editor.verticalScrollBar()
                    bar.setValue(bar.value() + 200)

    def ask_to_merge(alignment) -> None:
        first = alignment.documents[0].id
        for group in alignment.claims:
            if len(group.units) > 1 and first not in group.documents:
                lone = [u for u in alignment.units_of(first) if alignment.can_link(u.id, group.units[0])]
                if lone:
                    window.claims.link(lone[0].id, group.units[0])  # the question stays up until grabbed
                    return

    if {"--click", "--link", "--merge", "--blocked", "--unlinked", "--suggested"} & set(extra):
        QTimer.singleShot(1200, select_shared_claim)

    def grab() -> None:
        if app.platformName() == "xcb":  # a real X server: capture what is on its screen
            window.move(0, 0)
            app.processEvents()
            picture = app.primaryScreen().grabWindow(0, 0, 0, window.frameGeometry().width(),
                                                     window.frameGeometry().height())
        else:
            picture = window.grab()
        picture.save(out)
        print(f"saved {out}")
        app.quit()

    if not {"--click", "--link", "--merge", "--blocked", "--unlinked", "--suggested"} & set(extra):
        QTimer.singleShot(2500, grab)
    return app.exec()


if __name__ == "__main__":
    if {"-h", "--help"} & set(sys.argv[1:]):
        print("usage: python packaging/screenshot.py OUT.png [--three|--two|--all] [--coverage] [--annotations] [--find]\n"
              "       [--click|--link|--merge|--blocked|--unlinked|--suggested] [--workspace=PATH]\n\n"
              "Opens the window on the sample workspace (or PATH), sets it up as the options say and saves\n"
              "a picture of it to OUT.png (default docs/screenshot.png). See the comments in this file.")
        raise SystemExit(0)
    if len(sys.argv) > 1 and sys.argv[1].startswith("-"):
        raise SystemExit(f"the first argument is the picture to write (OUT.png), not {sys.argv[1]}; see --help")
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png"))
