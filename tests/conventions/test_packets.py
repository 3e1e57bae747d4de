"""The review packet: a version's clauses as an OpenDocument text per language, annotated
offline and brought back. The reviewer is a real office suite: Debian's LibreOffice, headless,
opens the packet, writes a comment into it and changes a passage (a Basic macro run from the
command line), and saves it in its own format: what comes back is what LibreOffice wrote."""

import shutil
import subprocess
import zipfile
from io import BytesIO

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from odfdo import Document

from conventions import packets
from conventions.models import CommentThread, PacketNote, Suggestion

pytestmark = pytest.mark.django_db

ODT = "application/vnd.oasis.opendocument.text"


def packet_url(document, number, language):
    return reverse("conventions:version_packet_odt", args=[document.key, number, language])


# A reviewer's edits, made by LibreOffice itself (its Basic, run headless from the command
# line): a comment after the first occurrence of some words, and one passage changed. The
# document is loaded as a model without a view: the headless build has no comment sidebar to
# draw (its window's description is not installed), which a view would try to build. An error
# is written next to the document, for the test to say.
REVIEWER_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Function At(doc, words As String)
  paragraphs = doc.getText().createEnumeration()
  Do While paragraphs.hasMoreElements()
    paragraph = paragraphs.nextElement()
    If paragraph.supportsService("com.sun.star.text.Paragraph") Then
      position = InStr(1, paragraph.getString(), words, 0)
      If position &gt; 0 Then
        cursor = paragraph.getText().createTextCursorByRange(paragraph.getStart())
        cursor.goRight(position - 1, False)
        cursor.goRight(Len(words), True)
        At = cursor
        Exit Function
      End If
    End If
  Loop
End Function

Sub Review(path As String, words As String, comment As String, before As String, after As String)
  On Error Goto Failed
  doc = createUnoService("com.sun.star.text.TextDocument")
  Dim load(1) As New com.sun.star.beans.PropertyValue
  load(0).Name = "URL"
  load(0).Value = ConvertToURL(path)
  load(1).Name = "FilterName"
  load(1).Value = "writer8"
  doc.load(load())
  note = doc.createInstance("com.sun.star.text.textfield.Annotation")
  note.Author = "María Quispe"
  note.Content = comment
  note.DateTimeValue = CDateToUnoDateTime(Now())
  cursor = At(doc, words)
  cursor.collapseToEnd()
  cursor.getText().insertTextContent(cursor, note, False)
  At(doc, before).setString(after)
  Dim save(0) As New com.sun.star.beans.PropertyValue
  save(0).Name = "FilterName"
  save(0).Value = "writer8"
  doc.storeToURL(ConvertToURL(path), save())
  doc.close(True)
  Exit Sub
Failed:
  n = FreeFile
  Open path &amp; ".error" For Output As #n
  Print #n, "error " &amp; Err &amp; " at line " &amp; Erl &amp; ": " &amp; Error$
  Close #n
End Sub
</script:module>
"""


def libreoffice(tmp_path, *arguments) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is installed by scripts/system-deps.sh --browser"
    profile = tmp_path / "profile"
    subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}", *arguments],
        check=True,
        capture_output=True,
        timeout=180,
    )


def reviewed_in_libreoffice(data: bytes, tmp_path, *, words, comment, before, after) -> bytes:
    """``data`` opened in LibreOffice, which writes ``comment`` at ``words`` (by
    "María Quispe"), changes ``before`` into ``after`` and saves it, in its own format."""
    source = tmp_path / "packet.odt"
    source.write_bytes(data)
    libreoffice(
        tmp_path, "--convert-to", "txt", "--outdir", str(tmp_path / "text"), str(source)
    )  # the profile
    (tmp_path / "profile" / "user" / "basic" / "Standard" / "Module1.xba").write_text(REVIEWER_MACRO)
    quoted = ",".join(f'"{value}"' for value in (source, words, comment, before, after))
    libreoffice(tmp_path, f"macro:///Standard.Module1.Review({quoted})")
    error = tmp_path / "packet.odt.error"
    assert not error.exists(), error.read_text()
    return source.read_bytes()


def test_the_packet_is_an_odt_with_each_clause_in_its_section(client, cast, login, proposed):
    login(cast.user("partner_coordinator"))
    response = client.get(packet_url(proposed, 1, "es"))
    assert response.status_code == 200 and response["Content-Type"] == ODT
    assert f"{proposed.key}-v1-es.odt" in response["Content-Disposition"]
    read = packets.read(response.content)
    assert (read.document_key, read.version_number, read.language) == (proposed.key, 1, "es")
    keys = [clause["key"] for clause in proposed.versions.get().clauses]
    assert list(read.clauses) == keys
    assert read.clauses[keys[0]].text == "Las partes acuerdan juntas el punto 1."
    odt = Document(BytesIO(response.content))
    assert odt.meta.get_language() == "es" and "Artículo 2" in odt.body.text_recursive


def test_comments_and_a_changed_text_written_offline_come_back_as_threads_once(
    client, cast, login, proposed, tmp_path
):
    maria = cast.user("partner_coordinator")
    login(maria)
    version = proposed.versions.get()
    first, second = (clause["key"] for clause in version.clauses[:2])
    packet = client.get(packet_url(proposed, 1, "es")).content
    written = reviewed_in_libreoffice(
        packet,
        tmp_path,
        words="acuerdan",
        comment="¿Podemos precisar el plazo de este punto?",
        before="el punto 2.",
        after="el punto 2, cada año.",
    )
    with zipfile.ZipFile(BytesIO(written)) as odt:  # LibreOffice's own file, its own comment
        content = odt.read("content.xml").decode()
        assert "LibreOffice" in odt.read("meta.xml").decode()
        assert "<dc:creator>María Quispe</dc:creator>" in content and "¿Podemos precisar" in content

    url = reverse("conventions:version_packet", args=[proposed.key, 1])
    response = client.post(url, {"packet": SimpleUploadedFile("revision.odt", written, ODT)})
    assert response.status_code == 302 and response["Location"] == url
    threads = CommentThread.objects.filter(document=proposed).order_by("id")
    assert [(t.clause.key, t.language, t.created_by) for t in threads] == [
        (first, "es", maria),
        (second, "es", maria),
    ]
    comment, proposal = (t.comments.get().body for t in threads)
    assert "¿Podemos precisar el plazo de este punto?" in comment
    assert "Del paquete de revisión de la versión 1" in comment  # said in the packet's language
    assert "Las partes acuerdan juntas el punto 2, cada año." in proposal
    assert "el punto 2{+, cada año+}." in proposal  # the word diff, in plain text
    # The changed text is a suggestion the other party accepts or rejects, as one made online.
    suggestion = Suggestion.objects.get()
    assert (suggestion.clause.key, suggestion.language, suggestion.proposed_by) == (second, "es", maria)
    assert suggestion.body == "Las partes acuerdan juntas el punto 2, cada año."
    assert suggestion.thread == threads[1] and "versión 1" in suggestion.reason

    # The same file again, or the packet annotated further: nothing applied twice.
    again = client.post(url, {"packet": SimpleUploadedFile("revision.odt", written, ODT)}, follow=True)
    assert CommentThread.objects.filter(document=proposed).count() == 2
    listed = again.content.decode()  # the page lists what came back, each to its thread
    for thread in threads:
        assert f"{thread.key}" in listed
    assert "Fil sur la clause 1" in listed and "Fil sur la clause 2" in listed
    assert "Déjà rapportés, pas ajoutés à nouveau\u202f: 2" in again.content.decode()
    assert PacketNote.objects.count() == 2


def with_token(data: bytes, **facts) -> bytes:
    """The packet with its token saying other facts (as a packet of another version would)."""
    odt = Document(BytesIO(data))
    token = signing.loads(
        odt.meta.get_user_defined_metadata_of_name(packets.PROPERTY)["value"], salt=packets.SALT
    )
    odt.meta.set_user_defined_metadata(packets.PROPERTY, signing.dumps({**token, **facts}, salt=packets.SALT))
    out = BytesIO()
    odt.save(out)
    return out.getvalue()


def test_a_packet_of_another_version_or_document_or_no_packet_is_refused_clearly(client, cast, login, agreed):
    login(cast.user("party_editor"))
    packet = client.get(packet_url(agreed, 1, "fr")).content
    odt = Document(BytesIO(packet))
    odt.meta.set_user_defined_metadata(packets.PROPERTY, "forged")
    forged = BytesIO()
    odt.save(forged)
    url = reverse("conventions:version_packet", args=[agreed.key, 1])
    bomb = BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", b" " * (packets.MAX_UNPACKED + 1))  # 41 MB, a few KB zipped
    assert len(bomb.getvalue()) < 100 * 1024
    for data, said in (
        (b"not a zip", "pas un paquet de relecture de Soliris"),
        (bomb.getvalue(), "pas un paquet de relecture de Soliris"),
        (forged.getvalue(), "pas un paquet de relecture de Soliris"),
        (with_token(packet, v=2), "celui de la version 2, et cette page est la version 1"),
        (with_token(packet, d="autre"), "celui d’un autre document"),
    ):
        response = client.post(url, {"packet": SimpleUploadedFile("x.odt", data, ODT)})
        assert response.status_code == 400 and said in response.content.decode()
    assert not CommentThread.objects.exists()


def test_the_packet_page_and_its_files_are_for_the_parties_only(client, cast, login, proposed):
    page = reverse("conventions:version_packet", args=[proposed.key, 1])
    for role, status in (
        ("anonymous", 404),
        ("outsider", 404),
        ("invited_coordinator", 404),
        ("party_viewer", 200),
        ("partner_coordinator", 200),
    ):
        client.logout()
        if cast.user(role) is not None:
            login(cast.user(role))
        assert client.get(page).status_code == status
        assert client.get(packet_url(proposed, 1, "fr")).status_code == status
    login(cast.user("partner_coordinator"))
    assert client.get(packet_url(proposed, 1, "xx")).status_code == 404
    assert client.get(reverse("conventions:version_packet", args=[proposed.key, 9])).status_code == 404
