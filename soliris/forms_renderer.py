"""The form renderer: Django's own templates, except the select widget, written out in Python.

Django renders each ``<option>`` through two included templates (``select_option.html`` and
``attrs.html``): the project list's filters (goals, 169 targets, 250 countries, calls, years)
came to 1,100 template includes and three quarters of the page's time (``make bench``). The
markup is the same as Django's; a widget that names another option template keeps Django's
rendering.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


def _text(value) -> str:
    """``{{ value|stringformat:'s' }}`` under autoescape."""
    return str(conditional_escape(value if isinstance(value, str) else str(value)))


def _attrs(attrs: dict) -> str:
    """``django/forms/widgets/attrs.html``: ``True`` is a bare attribute, ``False`` none."""
    return "".join(
        f" {name}" if value is True else f' {name}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def render_select(widget: dict) -> str:
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in options:
            parts.append(
                f'\n  <option value="{_text(option["value"])}"{_attrs(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name == SELECT and all(
            option.get("template_name") == OPTION
            for _name, options, _index in context["widget"]["optgroups"]
            for option in options
        ):
            return render_select(context["widget"])
        return super().render(template_name, context, request=request)
