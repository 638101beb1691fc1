"""Every visible string the build's steps produce, keyed by locale.

Site chrome (helpline, footer, header links) is configured in ``mkdocs.yml``
``extra:``; this table holds the strings the publishing rules generate.
``tests/unit/test_labels.py`` checks that every locale has every label.
"""

from __future__ import annotations

from collections.abc import Mapping

LOCALES: tuple[str, ...] = ("en", "es")

LABELS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "last_revised": "Last Revised",
        "review_due": "Next review due",
        "changes": "Changes to this page",
        "reviewed_by": "Reviewed by",
        "translation_reviewed_by": "Translation reviewed by",
        "references": "References",
        "talk_to_doctor": "Go over any medical questions with your own doctor.",
        "footnote_backlink": "Back to citation %d in the text",
        "download_pdf": "Download PDF",
        "pdf_other_language": "PDF in Spanish",
        "page_of": "Page {page} of {pages}",
        "language_name": "English",
        "pdf_booklet": "all pages in one booklet",
        "pdf_contents": "Contents",
        "pdf_title": "Title",
        "pdf_language": "Language",
        "pdf_size": "File size",
        "pdfs_in_language": "PDFs in {language}",
        "pdf_online": "Read this page online: {url}",
        "pdf_booklet_online": "Every page is online: {url}",
        "pdf_list_unavailable": (
            "The PDF files are made when the site is published. This preview does not have them."
        ),
        "pdf_list_no_libraries": (
            "The PDF files are made when the site is published. This preview does not have them, "
            "and this computer cannot make them: the Pango libraries they need are missing "
            "(./tasks build says how to install them)."
        ),
        "translation_pending_title": "Translation pending",
        "translation_pending": "This page is not available in English yet.",
        "translation_stale_title": "Translation being updated",
        "translation_stale": (
            "The {language} version was updated on {date}. "
            "This translation may not have those changes yet."
        ),
        "read_original": "Read this page in {language}",
        # The language suggestion (oncopress.pages.language_suggestion): in the language
        # it offers, for a visitor whose browser prefers that language.
        "suggestion_name": "Language suggestion",
        "suggestion_text": "This page is also in English.",
        "suggestion_dismiss": "No, thanks",
        "draft_changed_title": "Draft: changed since it was signed off",
        "draft_changed": (
            "This text has changes its reviewers have not approved yet. "
            "They last signed it off on {date}."
        ),
        "draft_unsigned_title": "Draft: not signed off yet",
        "draft_unsigned": "No reviewer has approved this text yet.",
        "reference_in_language": "(in {language})",
        # The words of a reference (oncopress.citations.references), Vancouver's.
        "reference_in": "In:",
        "reference_editor": "editor",
        "reference_editors": "editors",
        "reference_edition": "{ordinal} ed.",
        "ordinal_one": "{n}st",
        "ordinal_two": "{n}nd",
        "ordinal_few": "{n}rd",
        "ordinal_other": "{n}th",
        "reference_pages": "p. {pages}",
        "reference_number": "Report No.: {number}",
        "reference_thesis": "thesis",
        "reference_thesis_phd": "dissertation",
        "reference_thesis_masters": "master's thesis",
        "reference_accessed": "[accessed {date}]",
        "sample_notice": (
            "Sample content: this site is an example. No clinician has reviewed its text."
        ),
        "reprint_contact": (
            "To ask, email us at {email}. Tell us which page you want to use, where it "
            "will be published and who will read it. We will reply to tell you what you "
            "may do."
        ),
    },
    "es": {
        "last_revised": "Última actualización",
        "review_due": "Próxima revisión",
        "changes": "Cambios en esta página",
        "reviewed_by": "Revisado por",
        "translation_reviewed_by": "Traducción revisada por",
        "references": "Referencias",
        "talk_to_doctor": "Hable de sus preguntas médicas con su propio médico.",
        "footnote_backlink": "Volver a la cita %d en el texto",
        "download_pdf": "Descargar PDF",
        "pdf_other_language": "PDF en inglés",
        "page_of": "Página {page} de {pages}",
        "language_name": "Español",
        "pdf_booklet": "todas las páginas en un folleto",
        "pdf_contents": "Contenido",
        "pdf_title": "Título",
        "pdf_language": "Idioma",
        "pdf_size": "Tamaño del archivo",
        "pdfs_in_language": "PDF en {language}",
        "pdf_online": "Lea esta página en internet: {url}",
        "pdf_booklet_online": "Todas las páginas están en internet: {url}",
        "pdf_list_unavailable": (
            "Los archivos PDF se crean cuando se publica el sitio. Esta vista previa no los tiene."
        ),
        "pdf_list_no_libraries": (
            "Los archivos PDF se crean cuando se publica el sitio. Esta vista previa no los tiene, "
            "y este equipo no puede crearlos: faltan las bibliotecas Pango que necesitan "
            "(./tasks build indica cómo instalarlas)."
        ),
        "translation_pending_title": "Traducción pendiente",
        "translation_pending": "Esta página todavía no está disponible en español.",
        "translation_stale_title": "Estamos actualizando esta traducción",
        "translation_stale": (
            "La versión en {language} se actualizó el {date}. "
            "Es posible que esta traducción todavía no tenga esos cambios."
        ),
        "read_original": "Lea esta página en {language}",
        "suggestion_name": "Sugerencia de idioma",
        "suggestion_text": "Esta página también está en español.",
        "suggestion_dismiss": "No, gracias",
        "draft_changed_title": "Borrador: cambió después de su aprobación",
        "draft_changed": (
            "Este texto tiene cambios que sus revisores todavía no han aprobado. "
            "La última aprobación fue el {date}."
        ),
        "draft_unsigned_title": "Borrador: todavía sin aprobar",
        "draft_unsigned": "Ningún revisor ha aprobado este texto todavía.",
        "reference_in_language": "(en {language})",
        "reference_in": "En:",
        "reference_editor": "editor",
        "reference_editors": "editores",
        "reference_edition": "{ordinal} ed.",  # edición: feminine, 2.ª
        "ordinal_one": "{n}.ª",
        "ordinal_two": "{n}.ª",
        "ordinal_few": "{n}.ª",
        "ordinal_other": "{n}.ª",
        "reference_pages": "p. {pages}",
        "reference_number": "Informe n.º {number}",
        "reference_thesis": "tesis",
        "reference_thesis_phd": "tesis doctoral",
        "reference_thesis_masters": "tesis de maestría",
        "reference_accessed": "[consultado el {date}]",
        "sample_notice": (
            "Contenido de ejemplo: este sitio es una muestra. "
            "Ningún profesional de la salud ha revisado su texto."
        ),
        "reprint_contact": (
            "Para pedir permiso, escríbanos a {email}. Díganos qué página quiere usar, "
            "dónde se publicará y quién la leerá. Le responderemos para decirle qué puede "
            "hacer."
        ),
    },
}


class UnknownLocaleError(ValueError):
    """The site asked for a language the label table does not have."""


def label(key: str, locale: str) -> str:
    """The visible text for ``key`` in ``locale`` (``label("references", "es")``)."""
    try:
        table = LABELS[locale]
    except KeyError:
        known = ", ".join(LOCALES)
        raise UnknownLocaleError(f"no labels for language '{locale}' (known: {known})") from None
    return table[key]
