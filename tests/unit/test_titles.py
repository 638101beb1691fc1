from oncopress.pages.titles import duplicate_title_message, duplicate_titles, title_key


def test_titles_differing_in_case_or_spacing_are_the_same() -> None:
    assert title_key("  Care After\tTreatment ") == title_key("care after treatment")
    assert title_key("Cuidado") != title_key("Cuidados")


def test_each_later_page_names_the_first_with_that_title() -> None:
    pages = [
        ("docs_es/z.md", "Cuidado después del tratamiento"),
        ("docs_es/care.md", "Cuidado después del tratamiento"),
        ("docs_es/index.md", "Inicio"),
        ("docs_es/b.md", "cuidado  después del tratamiento"),
        ("docs_es/empty.md", ""),
        ("docs_es/empty2.md", " "),
    ]
    assert duplicate_titles(pages) == [
        ("docs_es/care.md", "docs_es/b.md", "Cuidado después del tratamiento"),
        ("docs_es/z.md", "docs_es/b.md", "Cuidado después del tratamiento"),
    ]


def test_no_duplicates() -> None:
    assert duplicate_titles([("docs/a.md", "A"), ("docs/b.md", "B")]) == []


def test_message() -> None:
    assert duplicate_title_message("docs/care.md", "Care") == (
        "has the same title as 'docs/care.md' ('Care'); give each page its own title"
    )
