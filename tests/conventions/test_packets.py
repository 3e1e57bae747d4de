"""The review packet: a version's clauses as an OpenDocument text per language, annotated
offline and brought back. The annotated file goes through a real office suite — Debian's
LibreOffice, headless, reads it and writes it anew in its own format — before it is uploaded:
what comes back is what LibreOffice writes, not what this project wrote."""

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


def through_libreoffice(data: bytes, tmp_path) -> bytes:
    """``data`` opened and saved again by LibreOffice (its own serialisation of the comments,
    sections and properties)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is installed by scripts/system-deps.sh --browser"
    source = tmp_path / "in" / "packet.odt"
    source.parent.mkdir()
    source.write_bytes(data)
    out = tmp_path / "out"
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--convert-to",
            "odt:writer8",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return (out / "packet.odt").read_bytes()


def annotate(data: bytes, *, comments=(), replace=()) -> bytes:
    """What a reviewer's office suite writes: comments at a clause's words, a changed text.
    ``comments``: (clause key, words to anchor at, comment); ``replace``: (old, new)."""
    odt = Document(BytesIO(data))
    sections = {section.name: section for section in odt.body.get_sections()}
    for key, words, text in comments:
        paragraph = next(
            p for p in sections[f"soliris-clause-{key}"].xpath("text:p") if words in (p.text_recursive or "")
        )
        paragraph.insert_annotation(after=words, body=text, creator="María Quispe")
    for old, new in replace:
        for paragraph in odt.body.get_paragraphs():
            if old in (paragraph.text_recursive or ""):
                paragraph.replace(old, new)
    out = BytesIO()
    odt.save(out)
    return out.getvalue()


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
    annotated = annotate(
        packet,
        comments=[(first, "acuerdan", "¿Podemos precisar el plazo de este punto?")],
        replace=[("el punto 2.", "el punto 2, cada año.")],
    )
    written = through_libreoffice(annotated, tmp_path)
    with zipfile.ZipFile(BytesIO(written)) as odt:  # LibreOffice's own file
        assert b"LibreOffice" in odt.read("meta.xml") and b"<office:annotation" in odt.read("content.xml")

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
