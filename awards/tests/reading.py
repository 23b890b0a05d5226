"""Reading a rendered page as a visitor would, for tests."""

from bs4 import BeautifulSoup


def visit(client, page) -> BeautifulSoup:
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(tag) -> str:
    """A tag's words, with the template's whitespace folded."""
    return " ".join(tag.get_text().split())
