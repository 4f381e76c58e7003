"""The annotation session as the window uses it: edit, undo, find, save, notice others' changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sidelight.core import events
from sidelight.core.annotation_session import CODEBOOK, AnnotationSession
from sidelight.core.errors import SidelightError
from sidelight.core.settings import Settings, load_settings, save_settings, suggest_reviewer, validate_reviewer
from sidelight.io import yaml_store

REPO = Path(__file__).resolve().parents[2]
A = "a-new-day-for-china-vietnam-relations"
B = "china-vietnam-reach-consensus-on"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "sources", tmp_path / "sources")
    return tmp_path


def span_of(session: AnnotationSession, source_id: str, quote: str) -> tuple[int, int]:
    text = session.workspace.get(source_id).text
    start = text.index(quote)
    return start, start + len(quote)


def test_new_workspace_gets_the_default_codebook_file(ws):
    AnnotationSession.open(ws, "alice")
    data = yaml_store.load_file(ws / "codebook.yaml")
    names = [g["name"] for g in data["groups"]]
    assert any("Media Frames" in n for n in names) and any("SemEval" in n for n in names)


def test_add_recode_undo_redo_with_labels(ws):
    s = AnnotationSession.open(ws, "alice")
    a = s.add_span(A, *span_of(s, A, "Western media, which tends to cover China with bias"), ["frame-economic"])
    assert s.undo_label == "Add annotation 'Economic'"
    s.set_codes(a.id, ["frame-political", "bias-lexical"])
    assert s.undo_label == "Set codes 'Political, Lexical bias'"
    assert s.undo() == "Set codes 'Political, Lexical bias'"
    assert s.get(a.id).codes == ("frame-economic",)
    assert s.redo_label == "Set codes 'Political, Lexical bias'"
    s.set_note(a.id, "sweeping claim")
    assert not s.can_redo  # a new command clears redo
    s.undo(), s.undo()
    assert s.spans(A) == []
    assert s.redo() == "Add annotation 'Economic'"
    assert [x.quote for x in s.spans(A)] == ["Western media, which tends to cover China with bias"]


def test_events_arrive_after_each_change(ws):
    s = AnnotationSession.open(ws, "alice")
    seen: list[events.Event] = []
    s.subscribe(seen.append)
    a = s.add_span(A, 10, 40)
    assert (events.ANNOTATIONS_CHANGED, A, (a.id,)) in [(e.kind, e.source_id, e.ids) for e in seen]
    assert seen[-1].kind == events.STACK_CHANGED
    seen.clear()
    s.rename_code("frame-economic", "Economy")
    assert [e.kind for e in seen] == [events.CODEBOOK_CHANGED, events.STACK_CHANGED]


def test_overlapping_spans_and_find(ws):
    s = AnnotationSession.open(ws, "alice")
    outer = s.add_span(A, *span_of(s, A, "they learn about China from the Western media, which tends to cover China with bias"), ["frame-public-opinion"])
    inner = s.add_span(A, *span_of(s, A, "tends to cover China with bias"), ["bias-lexical"], note="Loaded claim", target="Western media")
    offset = span_of(s, A, "cover China")[0]
    assert [x.id for x in s.spans_at(A, offset)] == [inner.id, outer.id]
    assert [x.id for x in s.find(code="bias-lexical")] == [inner.id]
    assert [x.id for x in s.find(text="WESTERN MEDIA")] == [outer.id]
    assert [x.id for x in s.find(note="western")] == [inner.id]  # target is searched with the note


def test_toggle_code_replaces_sibling_in_exclusive_group(ws):
    s = AnnotationSession.open(ws, "alice")
    a = s.add_span(A, 0, 20, ["polarity-negative"])
    assert s.toggle_code(a.id, "polarity-positive").codes == ("polarity-positive",)
    assert s.toggle_code(a.id, "frame-economic").codes == ("polarity-positive", "frame-economic")
    assert s.toggle_code(a.id, "frame-economic").codes == ("polarity-positive",)


def test_rename_and_merge_keep_annotations_meaningful(ws):
    s = AnnotationSession.open(ws, "alice")
    a = s.add_span(A, 0, 20, ["frame-capacity"])
    s.rename_code("frame-capacity", "Resources")
    s.flush()
    assert s.codebook.name_of(a.codes[0]) == "Resources"
    s.merge_codes("frame-capacity", "frame-economic")
    assert [x.id for x in s.find(code="frame-economic")] == [a.id]
    assert s.undo_label == "Merge code 'Resources' into 'Economic'"
    s.undo()
    assert s.find(code="frame-economic") == []
    with pytest.raises(SidelightError, match="into itself"):
        s.merge_codes("frame-economic", "frame-economic")


def test_codebook_edits_are_saved_and_undoable(ws):
    s = AnnotationSession.open(ws, "alice")
    code = s.add_code("Sovereignty", "frames", "Claims over territory")
    s.recolour_code(code.id, "#117733")
    s.set_group_enabled("persuasion", True)
    axis = s.put_axis("Relationship", "rivalry", "partnership")
    s.flush()
    reopened = AnnotationSession.open(ws, "bao")
    assert reopened.codebook.code(code.id).colour == "#117733"
    assert reopened.codebook.group("persuasion").enabled
    assert reopened.codebook.axis(axis.id).high == "partnership"
    s.undo()
    assert s.codebook.axes == ()
    with pytest.raises(SidelightError, match="#RRGGBB"):
        s.recolour_code(code.id, "green")


def test_unknown_code_is_refused(ws):
    s = AnnotationSession.open(ws, "alice")
    with pytest.raises(SidelightError, match="no code with id 'nope'"):
        s.add_span(A, 0, 10, ["nope"])
    assert s.spans(A) == [] and not s.can_undo


def test_document_annotation_checks_values_against_codebook(ws):
    s = AnnotationSession.open(ws, "alice")
    axis = s.put_axis("Relationship", "rivalry", "partnership")
    d = s.set_document(A, values={"genre": "analysis", "primary_frame": "frame-security"},
                       stances=[("United States", "negative")], axes={axis.id: 2})
    assert d.values == {"genre": "analysis", "primary_frame": "frame-security"}
    s.set_document(A, values={"genre": "opinion"})
    assert s.undo_label == "Set Genre 'opinion'"
    with pytest.raises(SidelightError, match="not one of news"):
        s.set_document(A, values={"genre": "blog"})
    with pytest.raises(SidelightError, match="outside -2 to 2"):
        s.set_document(A, axes={axis.id: 5})
    s.undo()
    assert s.document(A).values["genre"] == "analysis"


def test_links_are_stored_in_the_file_of_their_first_span(ws):
    s = AnnotationSession.open(ws, "alice")
    link = s.add_link(A, *span_of(s, A, "Bilateral trade has surpassed US$200 billion"), B,
                      *span_of(s, B, "bilateral trade hitting $234.9 billion in 2022"), "adds-detail", "exact figure")
    assert s.undo_label == "Add link 'adds detail'"
    assert [k.id for k in s.links(B)] == [link.id]
    s.flush()
    stored = yaml_store.load_file(ws / "annotations" / "alice" / f"{A}.yaml")
    assert stored["links"][0]["b"]["source"] == B
    assert not (ws / "annotations" / "alice" / f"{B}.yaml").exists()
    with pytest.raises(SidelightError, match="relation"):
        s.edit_link(link.id, relation="agrees")


def test_autosave_writes_only_changed_files_and_round_trips(ws):
    s = AnnotationSession.open(ws, "alice")
    assert not s.pending
    a = s.add_span(A, 5, 25, ["frame-economic"], note="line one\nline two")
    assert s.pending
    report = s.flush()
    assert report.saved == [ws / "annotations" / "alice" / f"{A}.yaml"] and not s.pending
    again = AnnotationSession.open(ws, "alice")
    assert again.get(a.id) == a


def test_someone_elses_change_on_disk_is_never_overwritten(ws):
    s = AnnotationSession.open(ws, "alice")
    s.add_span(A, 5, 25)
    s.flush()
    path = ws / "annotations" / "alice" / f"{A}.yaml"
    theirs = path.read_text(encoding="utf-8").replace("links: []", "links: []\n# pulled from a colleague")
    path.write_text(theirs, encoding="utf-8")
    mine = s.add_span(A, 30, 50)
    report = s.flush()
    assert [c.source_id for c in report.conflicts] == [A]
    assert path.read_text(encoding="utf-8") == theirs
    assert s.get(mine.id) == mine and not s.pending  # kept in memory, not retried blindly
    s.resolve_conflict(A, keep_mine=True)
    assert mine.id in path.read_text(encoding="utf-8")


def test_unchanged_session_reloads_a_file_pulled_from_git(ws):
    s = AnnotationSession.open(ws, "alice")
    s.add_span(A, 5, 25)
    s.flush()
    other = AnnotationSession.open(ws, "alice")
    added = other.add_span(A, 40, 60)
    other.flush()
    seen: list[events.Event] = []
    s.subscribe(seen.append)
    assert s.check_disk() == [A]
    assert added.id in [x.id for x in s.spans(A)]
    assert events.RELOADED in [e.kind for e in seen]


def test_a_file_reloaded_from_disk_forgets_only_its_own_undo_history(ws):
    s = AnnotationSession.open(ws, "alice")
    in_b = s.add_span(B, 5, 25)
    s.add_span(A, 5, 25)
    s.rename_code("frame-economic", "Economy")
    s.flush()
    other = AnnotationSession.open(ws, "alice")
    other.add_span(A, 40, 60)
    other.flush()
    assert s.check_disk() == [A]
    assert s.undo() == "Rename code 'Economic' to 'Economy'"  # the codebook's history is kept
    assert s.codebook.name_of("frame-economic") == "Economic"
    assert s.undo() is not None  # then document B's span, not the reloaded document A's
    assert in_b.id not in [x.id for x in s.spans(B)]
    assert len(s.spans(A)) == 2 and not s.can_undo


def test_a_conflict_merged_keeps_both_sides_changes_to_different_annotations(ws):
    s = AnnotationSession.open(ws, "alice")
    kept, recoded, dropped = s.add_span(A, 5, 25), s.add_span(A, 30, 50), s.add_span(A, 60, 80)
    s.flush()
    other = AnnotationSession.open(ws, "alice")  # a second window, or a colleague's git pull
    theirs_new = other.add_span(A, 90, 110, note="added on the other machine")
    other.edit_span(kept.id, note="edited on the other machine")
    other.flush()
    mine_new = s.add_span(A, 120, 140, note="added here")
    s.edit_span(recoded.id, codes=["frame-economic"])
    s.delete([dropped.id])
    assert [c.source_id for c in s.flush().conflicts] == [A]
    report, result = s.merge_conflict(A)
    assert report.saved and not report.conflicts and result is not None and result.both_changed == 0
    spans = {x.id: x for x in s.spans(A)}
    assert spans[kept.id].note == "edited on the other machine" and theirs_new.id in spans
    assert spans[recoded.id].codes == ("frame-economic",) and mine_new.id in spans and dropped.id not in spans
    again = AnnotationSession.open(ws, "alice")  # and that is what the file now says
    assert {x.id for x in again.spans(A)} == set(spans) and not s.conflicts


def test_an_annotation_both_sides_changed_keeps_this_sessions_version_and_says_so(ws):
    s = AnnotationSession.open(ws, "alice")
    span = s.add_span(A, 5, 25)
    s.flush()
    other = AnnotationSession.open(ws, "alice")
    other.edit_span(span.id, note="theirs")
    other.flush()
    s.edit_span(span.id, note="mine")
    s.flush()
    _report, result = s.merge_conflict(A)
    assert result is not None and result.both_changed == 1 and s.get(span.id).note == "mine"


def test_codebook_conflict_is_reported(ws):
    s = AnnotationSession.open(ws, "alice")
    (ws / "codebook.yaml").write_text((ws / "codebook.yaml").read_text() + "\n# edited by hand\n")
    s.rename_code("frame-economic", "Economy")
    assert [c.source_id for c in s.flush().conflicts] == [CODEBOOK]
    s.resolve_conflict(CODEBOOK, keep_mine=False)
    assert s.codebook.name_of("frame-economic") == "Economic"


def test_broken_file_is_reported_and_not_overwritten(ws):
    folder = ws / "annotations" / "alice"
    folder.mkdir(parents=True)
    (folder / f"{A}.yaml").write_text("schema: 1\nsource: [unclosed\n")
    s = AnnotationSession.open(ws, "alice")
    assert any(A in str(p) for p in s.problems)
    with pytest.raises(SidelightError, match="fix this file"):
        s.add_span(A, 0, 10)
    s.add_span(B, 0, 10)  # other documents stay editable
    assert s.flush().ok


def test_edited_source_text_moves_annotations_and_keeps_orphans(ws):
    s = AnnotationSession.open(ws, "alice")
    kept = s.add_span(A, *span_of(s, A, "Bilateral trade has surpassed US$200 billion for two consecutive years."))
    lost = s.add_span(A, *span_of(s, A, "Amity between the people holds the key to state-to-state relations."))
    s.flush()
    text_path = ws / "sources" / A / "text.txt"
    text = text_path.read_text(encoding="utf-8")
    text = "Editor's note: updated.\n\n" + text.replace("Amity between the people holds the key to state-to-state relations. ", "")
    text_path.write_text(text, encoding="utf-8")
    again = AnnotationSession.open(ws, "alice")
    moved = again.get(kept.id)
    assert text[moved.start:moved.end] == kept.quote and moved.start == kept.start + len("Editor's note: updated.\n\n")
    assert [o.id for o in again.orphans()] == [lost.id]
    assert again.pending  # the new positions are saved with the next flush
    again.flush()
    stored = (ws / "annotations" / "alice" / f"{A}.yaml").read_text(encoding="utf-8")
    assert lost.quote in stored  # an orphan is kept, never dropped
    placed = again.move_span(lost.id, 0, 10)
    assert not again.is_orphan(placed.id)
    again.undo()
    assert again.is_orphan(lost.id)


def test_reviewer_names_are_safe_folder_names(tmp_path, monkeypatch):
    monkeypatch.setenv("SIDELIGHT_CONFIG_DIR", str(tmp_path / "config"))
    assert validate_reviewer("bao-nguyen") == "bao-nguyen"
    for bad in ["", "../alice", "Alice", "a/b", "con", ".hidden", "x" * 41]:
        with pytest.raises(SidelightError):
            validate_reviewer(bad)
    assert suggest_reviewer("Bảo Nguyễn") == "bao-nguyen"
    assert load_settings().reviewer is None
    save_settings(Settings(reviewer="alice"))
    assert load_settings().reviewer == "alice"
    assert (tmp_path / "config" / "settings.yaml").exists()


def test_session_uses_the_reviewer_from_settings(ws, tmp_path, monkeypatch):
    monkeypatch.setenv("SIDELIGHT_CONFIG_DIR", str(tmp_path / "config"))
    with pytest.raises(SidelightError, match="no reviewer name"):
        AnnotationSession.open(ws)
    save_settings(Settings(reviewer="bao"))
    assert AnnotationSession.open(ws).reviewer == "bao"


def test_other_reviewers_are_readable(ws):
    alice = AnnotationSession.open(ws, "alice")
    alice.add_span(A, 0, 12, ["frame-economic"])
    alice.flush()
    bao = AnnotationSession.open(ws, "bao")
    assert bao.reviewers() == ["alice", "bao"]
    assert [x.codes for x in bao.file_of("alice", A).spans.values()] == [("frame-economic",)]
