"""Domain errors, and the one table that maps them to HTTP replies."""

from dataclasses import dataclass, field


class MentorMatchError(Exception):
    """Base of every error the API turns into a 4xx reply."""

    code = "bad_request"

    def __init__(self, message: str, fields: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class ValidationError(MentorMatchError):
    code = "validation_error"


class MalformedRequestError(MentorMatchError):
    code = "malformed_request"


class UnsupportedMediaTypeError(MentorMatchError):
    code = "unsupported_media_type"


class PayloadTooLargeError(MentorMatchError):
    code = "payload_too_large"


class UnauthorisedError(MentorMatchError):
    code = "unauthorised"


class ForbiddenError(MentorMatchError):
    code = "forbidden"


class SignInFailedError(UnauthorisedError):
    """The email address or password is not correct (never says which)."""

    code = "sign_in_failed"


class SessionEndedError(UnauthorisedError):
    """No live session: no session cookie, or its refresh token has expired or been revoked."""

    code = "session_ended"


class NotConfirmedError(ForbiddenError):
    """The account exists but its email address has not been confirmed yet."""

    code = "not_confirmed"


class AccountSuspendedError(ForbiddenError):
    code = "account_suspended"


class MfaRequiredError(ForbiddenError):
    """Administrators must have an authenticator app (TOTP) set up before they can use admin rights."""

    code = "mfa_required"


class CodeMismatchError(SignInFailedError):
    code = "code_not_correct"


class PasswordResetRequiredError(ForbiddenError):
    code = "password_reset_required"


class NotFoundError(MentorMatchError):
    code = "not_found"


class ConflictError(MentorMatchError):
    code = "conflict"


class VersionConflictError(ConflictError):
    code = "version_conflict"


class InvalidMoveError(ConflictError):
    """A mentorship cannot make that move from the state it is in (e.g. accepting an ended one)."""

    code = "invalid_state"


class CapacityReachedError(ConflictError):
    code = "capacity_reached"


class RequestLimitError(ConflictError):
    code = "request_limit_reached"


class NotAvailableError(ConflictError):
    """That person cannot be asked (not a mentor, not accepting, declined recently, blocked...)."""

    code = "not_available"


class TooManyRequestsError(MentorMatchError):
    """A limit was reached; ``retry_after``: whole seconds until the next try can succeed."""

    code = "too_many_requests"

    def __init__(self, message: str, retry_after: int = 60):
        super().__init__(message)
        self.retry_after = max(1, retry_after)


class ServiceUnavailableError(MentorMatchError):
    """Storage stayed busy or unreachable after our retries; nothing was changed. Try again shortly."""

    code = "service_unavailable"

    def __init__(self, message: str = "The service is busy. Nothing was changed: try again in a few seconds.",
                 retry_after: int = 2):
        super().__init__(message)
        self.retry_after = max(1, retry_after)


@dataclass(frozen=True)
class HttpError:
    status: int
    body: dict[str, dict[str, object]] = field(default_factory=dict)  # {"error": {"code", "message", ...}}
    headers: dict[str, str] = field(default_factory=dict)


# Most specific first: the first class that matches decides the status.
STATUS_BY_ERROR: tuple[tuple[type[MentorMatchError], int], ...] = (
    (ValidationError, 400),
    (MalformedRequestError, 400),
    (UnauthorisedError, 401),
    (ForbiddenError, 403),
    (NotFoundError, 404),
    (ConflictError, 409),
    (PayloadTooLargeError, 413),
    (UnsupportedMediaTypeError, 415),
    (TooManyRequestsError, 429),
    (ServiceUnavailableError, 503),
    (MentorMatchError, 400),
)


def to_http_error(error: MentorMatchError) -> HttpError:
    status = next(code for cls, code in STATUS_BY_ERROR if isinstance(error, cls))
    body: dict[str, dict[str, object]] = {"error": {"code": error.code, "message": error.message}}
    if error.fields:
        body["error"]["fields"] = error.fields
    headers: dict[str, str] = {}
    retry_after = getattr(error, "retry_after", None)
    if isinstance(retry_after, int):
        body["error"]["retry_after"] = retry_after
        headers["Retry-After"] = str(retry_after)
    return HttpError(status=status, body=body, headers=headers)
