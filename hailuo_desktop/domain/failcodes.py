"""A provider's fail code (the reason a created task failed) mapped to one of our ErrorCodes.

Fail codes differ between providers and between one provider's own pages
(shared/providers.md 2.3), so known codes are listed first and the words inside an
unknown code decide the rest; anything else stays TASK_FAILED. The provider's code and
message are always kept with the task as well.
"""

from __future__ import annotations

from .codes import ErrorCode

C = ErrorCode
_KNOWN: dict[str, ErrorCode] = {
    # APIXO model page and older error-codes page [V-seed, V]
    "sensitivecontent": C.CONTENT_REJECTED,
    "sensitivecontentdetected": C.CONTENT_REJECTED,
    "nsfw": C.CONTENT_REJECTED,
    "prohibitedcontentdetected": C.CONTENT_REJECTED,
    "content_violation": C.CONTENT_REJECTED,
    "nsfw_detected": C.CONTENT_REJECTED,
    "insufficientbalance": C.INSUFFICIENT_BALANCE,
    "insufficient_credits": C.INSUFFICIENT_BALANCE,
    "ratelimited": C.RATE_LIMITED,
    "model_unavailable": C.MODEL_UNAVAILABLE,
    "promptinvalid": C.INVALID_REQUEST,
    "invalid_prompt": C.INVALID_REQUEST,
    "prompt_too_long": C.INVALID_REQUEST,
    "imageformatincorrect": C.INVALID_REQUEST,
    "invalidimagesize": C.INVALID_REQUEST,
    "invalid_image_url": C.INVALID_REQUEST,
    "image_too_large": C.INVALID_REQUEST,
    "unsupported_format": C.INVALID_REQUEST,
    "image_download_failed": C.INVALID_REQUEST,
    # kie/Apikley recordInfo codes [V]: 422 = the original request failed validation
    "422": C.INVALID_REQUEST,
    # MiniMax base_resp codes [V]: 1026 sensitive input, 1027 generated video flagged,
    # 1039 a content filter per MiniMax's CLI [S]; 1008 balance; 2013 invalid params
    "1026": C.CONTENT_REJECTED,
    "1027": C.CONTENT_REJECTED,
    "1039": C.CONTENT_REJECTED,
    "1008": C.INSUFFICIENT_BALANCE,
    "2013": C.INVALID_REQUEST,
}
_WORDS = (
    ("content", C.CONTENT_REJECTED),
    ("nsfw", C.CONTENT_REJECTED),
    ("sensitive", C.CONTENT_REJECTED),
    ("policy", C.CONTENT_REJECTED),
    ("balance", C.INSUFFICIENT_BALANCE),
    ("credit", C.INSUFFICIENT_BALANCE),
)
del C


def code_for_failure(fail_code: str | None) -> ErrorCode:
    """The ErrorCode a created task's failure means; TASK_FAILED when the code says no more."""
    if not fail_code:
        return ErrorCode.TASK_FAILED
    text = fail_code.strip().lower()
    if text in _KNOWN:
        return _KNOWN[text]
    for word, code in _WORDS:
        if word in text:
            return code
    return ErrorCode.TASK_FAILED
