from django.http import FileResponse

from .models import EntryFile


def file_download(upload: EntryFile) -> FileResponse:
    """An entry file as an attachment the browser never renders, and no cache keeps."""
    response = FileResponse(
        upload.file.open("rb"),
        as_attachment=True,
        filename=upload.original_name,
        content_type=upload.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store, private"
    return response
