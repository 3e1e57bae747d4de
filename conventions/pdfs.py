"""The PDF kinds of conventions (see ``soliris.pdf``), found when the app is ready: the
signed charter (``conventions.charter_pdf``) and the steps it is built from, the agreed
charter and each party's signature (``conventions.chain``)."""

from django.utils.translation import gettext_lazy

from conventions import chain
from conventions.charter_pdf import (
    KIND,
    can_view_charter,
    charter_back_url,
    charter_content,
    charter_title,
    describe_charter,
    render_charter,
)
from conventions.keys import seal_charter
from soliris import pdf

pdf.register(
    pdf.DocumentKind(
        name=KIND,
        label=gettext_lazy("Signed charter"),
        content=charter_content,
        render=render_charter,
        build=chain.build_charter,
        title=charter_title,
        can_view=can_view_charter,
        sign=True,
        seal=seal_charter,  # a version signed before the chain: sealed whole when rendered
        back_url=charter_back_url,
        describe=describe_charter,
    )
)
pdf.register(
    pdf.DocumentKind(
        name=chain.KIND_AGREED,
        label=gettext_lazy("Agreed charter, to be signed"),
        content=chain.agreed_content,
        render=render_charter,
        title=chain.agreed_title,
        can_view=chain.can_view_step,
        sign=True,
        seal=chain.seal_agreed,
        back_url=charter_back_url,
        describe=chain.describe_step,
    )
)
pdf.register(
    pdf.DocumentKind(
        name=chain.KIND_SIGNATURE,
        label=gettext_lazy("Charter signed by a party"),
        content=chain.signature_content,
        render=chain.not_rendered,
        build=chain.build_signature,
        title=chain.signature_title,
        can_view=chain.can_view_step,
        sign=True,
        back_url=charter_back_url,
        describe=chain.describe_step,
    )
)
