"""The portal: server-rendered pages for states (no JavaScript needed) and the JSON API.

Pages use a session cookie (HttpOnly, SameSite=Strict) and a CSRF token in every form (the
login form's is tied to a SameSite=Strict cookie of its own, there being no session yet); the API
(`/api/v1`, OpenAPI at `/api/v1/openapi.json`) uses bearer tokens. Every route but `/login`,
`/health`, `/static` and the OpenAPI document needs one or the other. What a user may see is
decided in one place per kind of thing: portal.uploads (submissions and reports) and
portal.shares (data shares).
"""

# No `from __future__ import annotations`: FastAPI reads the route functions' annotations,
# which name dependencies defined inside create_app.
import html
import json
import secrets
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import AfterValidator, BaseModel
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from contracts.rules import LANGUAGES, Language
from portal import accounts, audit, shares, uploads
from portal.accounts import Session, User
from portal.i18n import pick_language, translator
from portal.store import initialise
from warehouse.settings import Settings

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "vrs_session"
LOGIN_COOKIE = "vrs_login"  # the login form's CSRF nonce (there is no session yet)
# The login form's fields and the most characters each may have (more: the form again, 422).
LOGIN_FIELDS = {"username": 100, "password": 1000, "csrf": 200}
LANGUAGE_COOKIE = "vrs_lang"
# Multipart framing around the file: headers, boundary, the CSRF field.
MULTIPART_OVERHEAD = 64 * 1024
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- plumbing -------------------------------------------------------------------------------


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": (
        "default-src 'self'; style-src 'self'; script-src 'none'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "Cache-Control": "no-store",
}


class SecurityHeaders:
    """Give every HTTP answer the ``SECURITY_HEADERS`` it does not set itself. Wrapped around
    the whole middleware stack by ``PortalApp``, so that answers made outside the routes carry
    them too: the body limit's 413, and the 500 of Starlette's ServerErrorMiddleware (which
    Starlette puts outside every middleware added with ``add_middleware``)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, with_headers)


class PortalApp(FastAPI):
    """The portal's FastAPI application, with ``SecurityHeaders`` outside everything else."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())


class BodyLimit:
    """Refuse request bodies over the package limit (plus ``MULTIPART_OVERHEAD`` of form
    framing) with 413 before they are parsed or spooled: by Content-Length when it is given,
    else by counting what arrives. Past the limit the application is told the client left (it
    stops reading), and the 413 goes out instead of whatever it would have answered. Every
    refusal is audited (request, too_large): the path says what was asked for."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.limit = settings.limits.max_package_bytes + MULTIPART_OVERHEAD
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in {"POST", "PUT", "PATCH"}:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self.refuse(scope, send, declared=declared.decode("latin-1"), received=0)
            return
        seen = 0
        refused = False
        started = False

        async def counted() -> Message:
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    refused = True
                    await self.refuse(scope, send if not started else None, received=seen)
                    return {"type": "http.disconnect"}
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 has been sent
            started = started or message["type"] == "http.response.start"
            await send(message)

        await self.app(scope, counted, watched)

    async def refuse(
        self, scope: Scope, send: Send | None, *, declared: str | None = None, received: int
    ) -> None:
        """Audit the refusal, then answer 413 (unless an answer has begun: ``send`` None)."""
        request = Request(scope)
        credentials = await BEARER(request)
        await run_in_threadpool(self.record_refusal, request, credentials, declared, received)
        if send is not None:
            await _too_large(request, send, self.settings)

    def record_refusal(
        self,
        request: Request,
        credentials: HTTPAuthorizationCredentials | None,
        declared: str | None,
        received: int,
    ) -> None:
        audit.record(
            self.settings,
            "request",
            "too_large",
            user=sender_of(self.settings, request, credentials),
            target=request.url.path,
            client=client_of(request),
            declared_bytes=int(declared) if declared and declared.isdigit() else declared,
            received_bytes=received,
            limit_bytes=self.settings.limits.max_package_bytes,
        )


async def _too_large(request: Request, send: Send, settings: Settings) -> None:
    """413: JSON for the API, a short page in the reader's language for a browser's form."""
    limit = settings.limits.max_package_bytes
    if request.url.path.startswith("/api/"):
        message = (
            f"the request is larger than the package limit ({limit:,} bytes): "
            "send a smaller package"
        )
        body, kind = json.dumps({"detail": message}).encode(), b"application/json"
    else:
        lang = language_of(request)
        text = translator(lang)("too_large_msg", limit=limit // 2**20)
        body = (
            f'<!doctype html><html lang="{lang}"><meta charset="utf-8"><title>413</title>'
            f'<link rel="stylesheet" href="/static/portal.css">'
            f'<main><p class="error" role="alert">{html.escape(text)}</p></main></html>'
        ).encode()
        kind = b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", kind),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class LoginRequired(Exception):
    """A page that needs a session was asked for without one."""


class Denied(Exception):
    """An authenticated user asked for something its role or state does not allow."""


class NotFound(Exception):
    """No such thing, or one the user may not know exists (the same answer for both)."""


def client_of(request: Request) -> str | None:
    return request.client.host if request.client else None


def language_of(request: Request) -> Language:
    return pick_language(
        request.query_params.get("lang"),
        request.cookies.get(LANGUAGE_COOKIE),
        request.headers.get("accept-language"),
    )


def login_cookie(request: Request) -> str:
    """The name of the login form's cookie. Over HTTPS it has the ``__Host-`` prefix: browsers
    then take it only from this very host, over HTTPS, for the whole site, so a sibling
    subdomain or a plain-HTTP page cannot plant a cookie (with a pair fetched from /login) in
    someone's browser. Over plain HTTP browsers refuse that prefix, and it goes without."""
    return f"__Host-{LOGIN_COOKIE}" if request.url.scheme == "https" else LOGIN_COOKIE


def session_of(settings: Settings, request: Request) -> Session | None:
    """The live page session the request's cookie names, or None (a SHA-256 lookup)."""
    value = request.cookies.get(SESSION_COOKIE)
    return accounts.session_for(settings, value) if value else None


def sender_of(
    settings: Settings, request: Request, credentials: HTTPAuthorizationCredentials | None
) -> User | None:
    """Who sent ``request``, as far as it can be told cheaply: to name the actor of something
    the audit records before any route ran (a 413), never to let anyone in. A bearer token
    counts only when this process has verified it before: verifying one costs argon2 (~50 ms
    by design), which a stream of oversized requests with made-up tokens would make us pay
    for each. Without a token, the page session."""
    if credentials is not None:
        return accounts.user_for_token(settings, credentials.credentials, remembered_only=True)
    session = session_of(settings, request)
    return session.user if session else None


# A `state` a client names (the secretariat's filter, another state's share): checked by this
# one validator on every route that takes it, before the value is used for anything.
StateQuery = Annotated[
    str | None,
    Query(pattern=shares.STATE_PATTERN, description="secretariat only: one state (ISO3)"),
    AfterValidator(shares.known_state),
]


# --- the application ------------------------------------------------------------------------


def create_app(settings: Settings) -> PortalApp:
    initialise(settings)
    app = PortalApp(
        title="vrs portal API",
        version="1.0",
        description=(
            "Submission and data-share API of the voluntary reporting warehouse on migrant "
            "smuggling. Authenticate with `Authorization: Bearer <token>` (tokens are issued "
            "with `vrs users token`)."
        ),
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # the interactive pages load scripts from a CDN: the JSON is the spec
        redoc_url=None,
    )
    app.state.settings = settings
    templates = Jinja2Templates(directory=HERE / "templates")
    limit_mb = settings.limits.max_package_bytes // 2**20

    app.add_middleware(BodyLimit, settings=settings)  # SecurityHeaders: see PortalApp
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    # --- who is asking -----------------------------------------------------------------

    def page_session(request: Request) -> Session:
        session = session_of(settings, request)
        if session is None:
            raise LoginRequired
        return session

    def api_user(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)],
    ) -> User:
        user = accounts.user_for_token(settings, credentials.credentials) if credentials else None
        if user is None:
            audit.record(
                settings,
                "api_auth",
                "denied",
                target=request.url.path,
                client=client_of(request),
            )
            raise _Unauthorised
        return user

    def check_csrf(session: Session, token: str) -> None:
        # as bytes: compare_digest refuses str with non-ASCII characters, which a client may send
        if not secrets.compare_digest(session.csrf.encode(), (token or "").encode()):
            raise Denied

    def render(
        request: Request,
        name: str,
        *,
        session: Session | None = None,
        status_code: int = 200,
        **context: Any,
    ) -> HTMLResponse:
        lang = language_of(request)
        response = templates.TemplateResponse(
            request,
            name,
            {
                "t": translator(lang),
                "lang": lang,
                "languages": LANGUAGES,
                "session": session,
                "user": session.user if session else None,
                "path": request.url.path,
                **context,
            },
            status_code=status_code,
        )
        if request.query_params.get("lang") in LANGUAGES:
            response.set_cookie(LANGUAGE_COOKIE, lang, samesite="strict", httponly=True)
        return response

    # --- errors --------------------------------------------------------------------------

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, _: LoginRequired) -> Response:
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(_Unauthorised)
    async def _unauthorised(request: Request, _: Exception) -> Response:
        return JSONResponse(
            {"detail": "a valid bearer token is required"},
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )

    @app.exception_handler(Denied)
    async def _denied(request: Request, _: Denied) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": "forbidden"}, status_code=403)
        return render(request, "message.html", status_code=403, message_key="forbidden")

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, _: NotFound) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": "not found"}, status_code=404)
        return render(request, "message.html", status_code=404, message_key="not_found")

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, problem: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            return await request_validation_exception_handler(request, problem)
        if request.url.path == "/login":
            return await run_in_threadpool(invalid_login, request, problem)
        return render(request, "message.html", status_code=422, message_key="invalid_request")

    def refuse(request: Request, user: User, what: str, target: str) -> None:
        audit.record(settings, what, "denied", user=user, target=target, client=client_of(request))

    # --- public ------------------------------------------------------------------------------

    @app.get("/health", include_in_schema=False)
    def health() -> dict[str, str]:
        return {"status": "ok"}

    def login_form(
        request: Request,
        *,
        status_code: int = 200,
        error_key: str | None = None,
        **error_values: object,
    ) -> HTMLResponse:
        """The login page, its CSRF token signed for the nonce in the browser's login cookie
        (a new nonce when it has none), the cookie's lifetime renewed."""
        name = login_cookie(request)
        nonce = accounts.login_nonce(request.cookies.get(name))
        response = render(
            request,
            "login.html",
            status_code=status_code,
            error_key=error_key,
            error_values=error_values,
            csrf=accounts.login_form_token(settings, nonce),
        )
        response.set_cookie(
            name,
            nonce,
            max_age=int(accounts.LOGIN_FORM_LIFETIME.total_seconds()),
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        return response

    def invalid_login(request: Request, problem: RequestValidationError) -> HTMLResponse:
        """A login form with a field longer than ``LOGIN_FIELDS`` allows: the form again,
        naming the field and its limit, and a line in the audit (no password is checked)."""
        form = problem.body if isinstance(problem.body, FormData) else FormData()
        too_long = [
            str(e["loc"][-1]) for e in problem.errors() if str(e["loc"][-1]) in LOGIN_FIELDS
        ]
        field = too_long[0] if too_long else "username"
        username = str(form.get("username") or "")[: LOGIN_FIELDS["username"]]
        audit.record(
            settings,
            "login",
            "denied",
            actor=username,
            client=client_of(request),
            reason="invalid",
            field=field,
        )
        if field == "csrf":  # not a field anybody types: a form that did not come from us
            return login_form(request, status_code=422, error_key="login_expired")
        t = translator(language_of(request))
        return login_form(
            request,
            status_code=422,
            error_key="login_too_long",
            field=t(field),
            max=LOGIN_FIELDS[field],
        )

    @app.get("/login", include_in_schema=False)
    def login_page(request: Request) -> HTMLResponse:
        return login_form(request)

    @app.post("/login", include_in_schema=False)
    def login(
        request: Request,
        username: Annotated[str, Form(max_length=LOGIN_FIELDS["username"])] = "",
        password: Annotated[str, Form(max_length=LOGIN_FIELDS["password"])] = "",
        csrf: Annotated[str, Form(max_length=LOGIN_FIELDS["csrf"])] = "",
    ) -> Response:
        client = client_of(request)
        nonce = request.cookies.get(login_cookie(request))
        if not accounts.login_form_token_valid(settings, nonce, csrf):
            # not counted against the user name: no password was checked
            audit.record(settings, "login", "denied", actor=username, client=client, reason="csrf")
            return login_form(request, status_code=403, error_key="login_expired")
        try:
            user = accounts.authenticate(settings, username, password)
        except accounts.LockedOut:
            audit.record(settings, "login", "locked", actor=username, client=client)
            return login_form(request, status_code=429, error_key="login_locked")
        if user is None:
            audit.record(settings, "login", "denied", actor=username, client=client)
            return login_form(request, status_code=401, error_key="login_failed")
        audit.record(settings, "login", "ok", user=user, client=client)
        response = RedirectResponse("/submissions", status_code=303)
        # with the attributes it was set with: a browser ignores a __Host- cookie without Secure
        response.delete_cookie(
            login_cookie(request),
            secure=request.url.scheme == "https",
            httponly=True,
            samesite="strict",
        )
        response.set_cookie(
            SESSION_COOKIE,
            accounts.open_session(settings, user),
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            max_age=int(accounts.SESSION_LIFETIME.total_seconds()),
        )
        return response

    # --- pages -------------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def home(session: Annotated[Session, Depends(page_session)]) -> Response:
        return RedirectResponse("/submissions", status_code=303)

    @app.post("/logout", include_in_schema=False)
    def logout(
        request: Request,
        session: Annotated[Session, Depends(page_session)],
        csrf: Annotated[str, Form()] = "",
    ) -> Response:
        check_csrf(session, csrf)
        accounts.close_session(settings, request.cookies.get(SESSION_COOKIE, ""))
        audit.record(settings, "logout", "ok", user=session.user, client=client_of(request))
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    @app.get("/submissions", include_in_schema=False)
    def submissions_page(
        request: Request, session: Annotated[Session, Depends(page_session)]
    ) -> HTMLResponse:
        items = uploads.uploads_for(settings, session.user)
        return render(request, "submissions.html", session=session, uploads=items)

    @app.get("/submissions/{upload_id}", include_in_schema=False)
    def submission_page(
        request: Request, upload_id: str, session: Annotated[Session, Depends(page_session)]
    ) -> HTMLResponse:
        upload = visible_upload(request, session.user, upload_id)
        report = read_report(upload)
        return render(request, "submission.html", session=session, upload=upload, report=report)

    @app.get("/submissions/{upload_id}/report.{kind}", include_in_schema=False)
    def submission_report(
        request: Request,
        upload_id: str,
        kind: str,
        session: Annotated[Session, Depends(page_session)],
    ) -> Response:
        return report_file(request, session.user, upload_id, kind)

    @app.get("/upload", include_in_schema=False)
    def upload_page(
        request: Request, session: Annotated[Session, Depends(page_session)]
    ) -> HTMLResponse:
        return render(request, "upload.html", session=session, limit_mb=limit_mb)

    @app.post("/upload", include_in_schema=False)
    def upload_form(
        request: Request,
        session: Annotated[Session, Depends(page_session)],
        csrf: Annotated[str, Form()] = "",
        file: Annotated[UploadFile | None, File()] = None,
    ) -> HTMLResponse:
        check_csrf(session, csrf)
        lang = language_of(request)
        context: dict[str, Any] = {"session": session, "limit_mb": limit_mb}
        if file is None or not file.filename:
            return render(request, "upload.html", status_code=400, error_key="no_file", **context)
        outcome = accept_upload(request, session.user, file, lang)
        if isinstance(outcome, Response):
            status = outcome.status_code
            key = "too_large" if status == 413 else "forbidden"
            return render(request, "upload.html", status_code=status, error_key=key, **context)
        status = 403 if outcome.verdict == "refused" else 200
        return render(request, "upload.html", status_code=status, receipt=outcome, **context)

    @app.get("/template.xlsx", include_in_schema=False)
    def template_page(
        request: Request, session: Annotated[Session, Depends(page_session)]
    ) -> Response:
        return template_file(request, session.user, language_of(request))

    @app.get("/share", include_in_schema=False)
    def share_page(
        request: Request,
        session: Annotated[Session, Depends(page_session)],
        state: StateQuery = None,
    ) -> HTMLResponse:
        share = shares.share_for(settings, session.user, state)
        return render(request, "share.html", session=session, share=share)

    @app.get("/share/files/{name}", include_in_schema=False)
    def share_file_page(
        request: Request,
        name: str,
        session: Annotated[Session, Depends(page_session)],
        state: StateQuery = None,
    ) -> Response:
        return share_file(request, session.user, name, state)

    @app.get("/share.zip", include_in_schema=False)
    def share_zip_page(
        request: Request,
        session: Annotated[Session, Depends(page_session)],
        state: StateQuery = None,
    ) -> Response:
        return share_zip(request, session.user, state)

    # --- shared by pages and API ----------------------------------------------------------

    def visible_upload(request: Request, user: User, upload_id: str) -> uploads.Upload:
        upload = uploads.upload_for(settings, user, upload_id)
        if upload is None:
            refuse(request, user, "read_submission", upload_id)
            raise NotFound
        return upload

    def read_report(upload: uploads.Upload) -> dict[str, Any] | None:
        path = uploads.report_path(settings, upload, "json")
        return json.loads(path.read_text(encoding="utf-8")) if path else None

    def report_file(request: Request, user: User, upload_id: str, kind: str) -> Response:
        if kind not in {"json", "xlsx"}:
            raise NotFound
        upload = visible_upload(request, user, upload_id)
        path = uploads.report_path(settings, upload, kind)
        if path is None:
            raise NotFound
        audit.record(
            settings,
            "download",
            "ok",
            user=user,
            target=f"report/{upload_id}.{kind}",
            client=client_of(request),
        )
        media = "application/json" if kind == "json" else XLSX
        return FileResponse(path, media_type=media, filename=f"report-{upload_id}.{kind}")

    def accept_upload(
        request: Request, user: User, file: UploadFile, lang: Language | None
    ) -> uploads.Receipt | Response:
        client = client_of(request)
        if not user.may_upload:
            refuse(request, user, "upload", file.filename or "")
            raise Denied
        try:
            receipt = uploads.receive(
                settings, user, file.filename or "package", file.file, language=lang
            )
        except uploads.TooLarge as exc:
            audit.record(settings, "upload", "too_large", user=user, client=client, reason=str(exc))
            return JSONResponse({"detail": str(exc)}, status_code=413)
        outcome = {"validated": "ok", "rejected": "rejected", "refused": "denied"}[receipt.verdict]
        audit.record(
            settings,
            "upload",
            outcome,
            user=user,
            target=receipt.upload_id,
            client=client,
            submission_id=receipt.submission_id,
            reporting_state=receipt.reporting_state,
            verdict=receipt.verdict,
            errors=receipt.report["submission"]["errors"],
        )
        return receipt

    def template_file(request: Request, user: User, lang: Language) -> Response:
        from portal.workbook_template import build_template

        audit.record(
            settings,
            "download",
            "ok",
            user=user,
            target=f"template/{lang}",
            client=client_of(request),
        )
        return Response(
            build_template(lang),
            media_type=XLSX,
            headers={"Content-Disposition": f'attachment; filename="vrs-template-{lang}.xlsx"'},
        )

    def share_file(request: Request, user: User, name: str, state: str | None) -> Response:
        share = shares.share_for(settings, user, state)
        path = share.files.get(name) if share else None
        if share is None or path is None:
            refuse(request, user, "download_share", f"{state or user.state}/{name}")
            raise NotFound
        audit.record(
            settings,
            "download",
            "ok",
            user=user,
            target=f"share/{share.scope}/{name}",
            client=client_of(request),
            build_id=share.build_id,
        )
        return FileResponse(path, filename=name, media_type="application/octet-stream")

    def share_zip(request: Request, user: User, state: str | None) -> Response:
        share = shares.share_for(settings, user, state)
        if share is None:
            refuse(request, user, "download_share", f"{state or user.state}/share.zip")
            raise NotFound
        archive = shares.zip_share(share)
        audit.record(
            settings,
            "download",
            "ok",
            user=user,
            target=f"share/{share.scope}/share.zip",
            client=client_of(request),
            build_id=share.build_id,
        )
        return FileResponse(
            archive,
            media_type="application/zip",
            filename=f"vrs-share-{share.scope}-{share.build_id}.zip",
            background=BackgroundTask(archive.unlink, missing_ok=True),
        )

    # --- the JSON API --------------------------------------------------------------------

    api = APIRouter(prefix="/api/v1")
    ApiUser = Annotated[User, Depends(api_user)]

    @api.get("/me", response_model=MeOut, summary="Who the token belongs to")
    def me(user: ApiUser) -> MeOut:
        return MeOut(username=user.username, role=user.role.value, state=user.state)

    @api.get(
        "/template.xlsx",
        summary="The Excel reporting template",
        response_class=Response,
        responses={200: {"content": {XLSX: {}}}},
    )
    def api_template(request: Request, user: ApiUser, language: Language = "en") -> Response:
        return template_file(request, user, language)

    @api.post(
        "/submissions",
        status_code=201,
        summary="Upload a package: it is archived, validated, and (if accepted) queued",
        responses={
            201: {"model": ReceiptOut, "description": "accepted and queued for the warehouse"},
            403: {"description": "not a submitter, or a package for another state"},
            413: {"description": "larger than the package limit"},
            422: {"model": ReceiptOut, "description": "rejected: the report says why"},
        },
        response_model=ReceiptOut,
    )
    def api_upload(
        request: Request,
        user: ApiUser,
        file: Annotated[
            UploadFile, File(description="the package: .xlsx, .ods, .xls, .zip or .json")
        ],
        language: Language | None = None,
    ) -> Response:
        outcome = accept_upload(request, user, file, language)
        if isinstance(outcome, Response):
            return outcome
        if outcome.verdict == "refused":
            return JSONResponse(
                {
                    "detail": "a submitter may only submit packages for its own state",
                    "upload_id": outcome.upload_id,
                    "reporting_state": outcome.reporting_state,
                },
                status_code=403,
            )
        body = ReceiptOut(
            upload_id=outcome.upload_id,
            submission_id=outcome.submission_id,
            verdict=outcome.verdict,
            report=outcome.report,
        )
        return JSONResponse(
            body.model_dump(),
            status_code=201 if outcome.verdict == "validated" else 422,
            headers={"Location": f"/api/v1/submissions/{outcome.upload_id}"},
        )

    # the API describes a submission with the same record the pages show (a dataclass)
    @api.get("/submissions", response_model=list[uploads.Upload], summary="My submissions")
    def api_submissions(
        user: ApiUser,
        state: StateQuery = None,
    ) -> list[uploads.Upload]:
        return uploads.uploads_for(settings, user, state=state if user.is_secretariat else None)

    @api.get(
        "/submissions/{upload_id}",
        response_model=uploads.Upload,
        summary="One submission and its status",
        responses={404: {"description": "no such submission (or not yours)"}},
    )
    def api_submission(request: Request, upload_id: str, user: ApiUser) -> uploads.Upload:
        return visible_upload(request, user, upload_id)

    @api.get(
        "/submissions/{upload_id}/report",
        summary="The validation report (JSON)",
        responses={404: {"description": "no such submission (or not yours)"}},
    )
    def api_report(request: Request, upload_id: str, user: ApiUser) -> Response:
        return report_file(request, user, upload_id, "json")

    @api.get(
        "/submissions/{upload_id}/report.xlsx",
        summary="The annotated workbook (or listing) of the report",
        response_class=Response,
        responses={200: {"content": {XLSX: {}}}, 404: {"description": "no such submission"}},
    )
    def api_report_xlsx(request: Request, upload_id: str, user: ApiUser) -> Response:
        return report_file(request, user, upload_id, "xlsx")

    @api.get(
        "/share",
        response_model=ShareOut,
        summary="My data share: what it holds and where to download it",
        responses={404: {"description": "nothing published yet"}},
    )
    def api_share(
        request: Request,
        user: ApiUser,
        state: StateQuery = None,
    ) -> ShareOut:
        share = shares.share_for(settings, user, state)
        if share is None:
            raise NotFound
        return ShareOut(
            scope=share.scope,
            build_id=share.build_id,
            files=sorted(share.files),
            manifest=share.manifest,
        )

    @api.get(
        "/share/files/{name}",
        summary="One file of my data share",
        response_class=Response,
        responses={404: {"description": "no such file in my share"}},
    )
    def api_share_file(
        request: Request,
        name: str,
        user: ApiUser,
        state: StateQuery = None,
    ) -> Response:
        return share_file(request, user, name, state)

    @api.get(
        "/share.zip",
        summary="My whole data share as a zip (DuckDB file and Parquet)",
        response_class=Response,
        responses={200: {"content": {"application/zip": {}}}, 404: {"description": "none"}},
    )
    def api_share_zip(
        request: Request,
        user: ApiUser,
        state: StateQuery = None,
    ) -> Response:
        return share_zip(request, user, state)

    app.include_router(api)
    return app


class _Unauthorised(Exception):
    pass


# Declares the scheme in the OpenAPI document; api_user does the checking (401, audited).
BEARER = HTTPBearer(auto_error=False, description="an API token from `vrs users token`")


# --- API models -------------------------------------------------------------------------------


class MeOut(BaseModel):
    username: str
    role: str
    state: str | None


class ReceiptOut(BaseModel):
    upload_id: str
    submission_id: str
    verdict: str
    report: dict[str, Any]


class ShareOut(BaseModel):
    scope: str
    build_id: str
    files: list[str]
    manifest: dict[str, Any]
