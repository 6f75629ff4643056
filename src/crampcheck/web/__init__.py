"""The web app: server-rendered pages, a JSON API and the FHIR questionnaire.

app = create_app(Settings())   # nothing is built at import time
"""

from crampcheck.web.app import create_app

__all__ = ["create_app"]
