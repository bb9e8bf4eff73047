"""Each provider's documented fail codes, with the message the simulator gives each.

Use them in `Fault(kind="fail", fail_code=...)` or in a prompt directive
(`{{sim:fail=SensitiveContent}}`). The messages are the simulator's own wording.
"""

from __future__ import annotations

# APIXO model page [V-seed]; the older error-codes page lists other names (below).
APIXO_FAIL_CODES: dict[str, str] = {
    "PromptInvalid": "The prompt is invalid.",
    "SensitiveContent": "The input was flagged as sensitive content.",
    "NSFW": "The input or output was flagged as NSFW.",
    "ProhibitedContentDetected": "Prohibited content was detected.",
    "ImageFormatIncorrect": "The image format is not supported.",
    "InvalidImageSize": "The image size is not supported.",
    "RateLimited": "Upstream rate limit reached; try again later.",
    "Timeout": "Generation timed out.",
    "InsufficientBalance": "Insufficient balance.",
    "Unknown error": "Unknown error.",
}
APIXO_LEGACY_FAIL_CODES: dict[str, str] = {
    "CONTENT_VIOLATION": "Content policy violation.",
    "NSFW_DETECTED": "NSFW content detected.",
    "PROMPT_TOO_LONG": "The prompt is too long.",
    "INVALID_PROMPT": "The prompt is invalid.",
    "INVALID_IMAGE_URL": "The image URL is invalid.",
    "IMAGE_TOO_LARGE": "The image is too large.",
    "UNSUPPORTED_FORMAT": "The image format is not supported.",
    "IMAGE_DOWNLOAD_FAILED": "The image could not be downloaded.",
    "PROCESSING_TIMEOUT": "Processing timed out.",
    "MODEL_UNAVAILABLE": "The model is unavailable.",
    "GENERATION_FAILED": "Generation failed.",
    "INSUFFICIENT_CREDITS": "Insufficient credits.",
}
# kie.ai / Apikley: failCode is free-form; the documented examples are HTTP-like numbers [S].
MARKET_FAIL_CODES: dict[str, str] = {
    "500": "Internal server error",
    "501": "Generation failed",
    "422": "The request failed validation (see failMsg)",
    "400": "The image could not be fetched",
}
# kie/Apikley answer recordInfo with body code 422 (not 200 + state fail) when the original
# request failed validation: "see failMsg" [V: get-task-detail].
MARKET_INVALID_REQUEST = "422"
# API in One documents no fail codes [I]; these are the simulator's.
APIINONE_FAIL_CODES: dict[str, str] = {
    "content_policy_violation": "The input was rejected by the content policy.",
    "generation_failed": "Generation failed.",
    "image_download_failed": "The image could not be downloaded.",
}
# MiniMax documents no fail reason: the query says `status: "Fail"` (file_id empty) and
# its base_resp stays 0, since the query itself worked. The code is kept for the
# simulator's bookkeeping only and never shown on the wire [I].
MINIMAX_FAIL_CODES: dict[str, str] = {
    "Fail": "The task failed.",
    # A failed task that names its reason carries it in base_resp, as request errors do:
    "1026": "input new_sensitive",  # the input was flagged
    "1027": "output new_sensitive",  # the generated video was flagged (providers.md Corrections)
}

FAIL_CODES: dict[str, dict[str, str]] = {
    "apixo": {**APIXO_FAIL_CODES, **APIXO_LEGACY_FAIL_CODES},
    "kie": MARKET_FAIL_CODES,
    "apikley": MARKET_FAIL_CODES,
    "apiinone": APIINONE_FAIL_CODES,
    "minimax": MINIMAX_FAIL_CODES,
}
DEFAULT_FAIL_CODE: dict[str, str] = {
    "apixo": "Unknown error",
    "kie": "501",
    "apikley": "501",
    "apiinone": "generation_failed",
    "minimax": "Fail",
}


def fail_details(provider: str, code: str | None, message: str | None) -> tuple[str, str]:
    """(code, message) for a failed task: the given ones, else the provider's usual wording."""
    code = code or DEFAULT_FAIL_CODE[provider]
    return code, message or FAIL_CODES[provider].get(code, f"Generation failed ({code}).")
