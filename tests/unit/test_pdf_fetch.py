from pathlib import Path

import pytest

from oncopress.pdf.fetch import RefusedURLError, site_file


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "site" / "assets").mkdir(parents=True)
    (tmp_path / "site" / "assets" / "a b.png").write_bytes(b"png")
    (tmp_path / "secret.txt").write_text("secret")
    (tmp_path / "site" / "assets" / "escape.png").symlink_to(tmp_path / "secret.txt")
    return tmp_path / "site"


def test_a_file_inside_the_site_is_allowed(site: Path) -> None:
    url = (site / "assets" / "a b.png").as_uri()
    assert "%20" in url
    assert site_file(url, site) == (site / "assets" / "a b.png").resolve()


def test_a_data_url_is_allowed_and_needs_no_file(site: Path) -> None:
    assert site_file("data:image/png;base64,iVBORw0KGgo=", site) is None


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/x.png",
        "https://example.com/x.png",
        "ftp://example.com/x.png",
        "file:///etc/passwd",
        "file://otherhost/etc/passwd",
        "//example.com/x.png",
        "javascript:alert(1)",
    ],
)
def test_other_urls_are_refused(site: Path, url: str) -> None:
    with pytest.raises(RefusedURLError) as caught:
        site_file(url, site)
    assert caught.value.url == url
    assert str(caught.value) == (
        f"refused to load '{url}': only files of the built site may go into a PDF"
    )


def test_climbing_out_of_the_site_is_refused(site: Path) -> None:
    with pytest.raises(RefusedURLError):
        site_file(site.as_uri() + "/assets/../../secret.txt", site)


def test_a_symlink_pointing_outside_is_refused(site: Path) -> None:
    with pytest.raises(RefusedURLError):
        site_file((site / "assets" / "escape.png").as_uri(), site)


def test_a_sibling_folder_with_the_same_prefix_is_refused(site: Path) -> None:
    sibling = site.parent / "site-old"
    sibling.mkdir()
    (sibling / "x.png").write_bytes(b"png")
    with pytest.raises(RefusedURLError):
        site_file((sibling / "x.png").as_uri(), site)
