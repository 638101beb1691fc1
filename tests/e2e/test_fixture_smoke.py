from conftest import Project


def test_minimal_fixture_builds_clean(project: Project) -> None:
    result = project.build()
    assert result.returncode == 0, result.explain()
    assert result.warnings == []
    assert (result.site / "care" / "index.html").is_file()
    assert (result.site / "es" / "care" / "index.html").is_file()
