from django.core.files.storage import FileSystemStorage


class PrivateFileStorage(FileSystemStorage):
    """Entrants' uploads: on disk outside the public media folder, with no URL of their own.

    Files are served only by views that check who is asking.
    """

    def url(self, name):
        raise ValueError("Entry files have no public URL: use the entry file download view.")
