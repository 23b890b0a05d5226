from io import StringIO

from django.core.management import call_command

from publishing.content_version import content_version


def test_the_command_starts_a_new_content_version():
    before = content_version()
    out = StringIO()
    call_command("forget_published_content", stdout=out)
    assert content_version() != before
    assert content_version() in out.getvalue()
