from hailuo_desktop.domain import catalog
from hailuo_desktop.domain.images import ImageFacts, check_facts


def codes(facts, rules=catalog.APIXO_IMAGES):
    return {p.code for p in check_facts(facts, rules).problems}


def test_exact_two_to_five_and_five_to_two_are_refused():
    assert "aspect_ratio" in codes(ImageFacts("a", 1000, "PNG", 400, 1000))
    assert "aspect_ratio" in codes(ImageFacts("a", 1000, "PNG", 1000, 400))
    assert not codes(ImageFacts("a", 1000, "PNG", 401, 1000))


def test_short_side_must_be_over_300():
    assert "short_side" in codes(ImageFacts("a", 1000, "PNG", 300, 500))
    assert not codes(ImageFacts("a", 1000, "PNG", 301, 500))


def test_size_limits_follow_the_provider():
    twenty = 20 * 1024 * 1024
    assert not codes(ImageFacts("a", twenty, "PNG", 500, 500), catalog.APIXO_IMAGES)  # at most 20 MB
    assert "file_too_large" in codes(ImageFacts("a", twenty, "PNG", 500, 500), catalog.MINIMAX_IMAGES)  # under
    assert "file_too_large" in codes(ImageFacts("a", 10 * 1024 * 1024 + 1, "PNG", 500, 500), catalog.MARKET_IMAGES)


def test_every_problem_is_reported_at_once():
    found = codes(ImageFacts("a", 30 * 1024 * 1024, "WEBP", 200, 2000))
    assert found == {"file_too_large", "unsupported_format", "aspect_ratio", "short_side"}
