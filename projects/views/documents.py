"""A project's documents: shared by its parties only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from projects import forms, services
from projects.permissions import check, get_project_for_user
from projects.views.common import project_page_context
from soliris.forms import apply_validation_error


@login_required
def project_documents(request, key):
    project = get_project_for_user(request.user, key, "projects.project:view_private")
    form = forms.DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        check(request.user, "projects.project:edit", project)
        if form.is_valid():
            try:
                services.document_upload(
                    actor=request.user,
                    project=project,
                    title=form.cleaned_data["title"],
                    upload=form.cleaned_data["file"],
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("The document was added. Only the parties can open it."))
                return redirect("projects:project_documents", key=project.key)
    documents = project.documents.select_related("uploaded_by")
    return render(
        request,
        "projects/project_documents.html",
        project_page_context(request, project, "documents", form=form, documents=documents),
    )


@login_required
def document_download(request, key, document_key):
    project = get_project_for_user(request.user, key, "projects.project:view_private")
    document = project.documents.filter(key=document_key).first()
    if document is None:
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle, content_type=document.content_type, as_attachment=True, filename=document.original_name
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
