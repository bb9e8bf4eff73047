from hailuo_desktop.domain import catalog
from hailuo_desktop.domain.request import GenerationRequest, forbidden_reason, request_problems


def test_every_provider_has_a_default_image_preset():
    for provider_id in catalog.PROVIDERS:
        spec, duration, resolution = catalog.default_preset(provider_id)
        assert spec.kind == "i2v"
        assert not request_problems(
            GenerationRequest(spec, "a cat", image="x.png", duration=duration, resolution=resolution)
        )


def test_apixo_fast_standard_is_billed_per_second():
    spec = catalog.find_model("apixo", "hailuo-2-3-fast", "standard-image-to-video")
    assert spec.cost(6, None) == 0.192
    assert spec.cost(10, None) == 0.32


def test_ten_seconds_at_1080p_is_refused_with_a_reason():
    spec = catalog.find_model("kie", "hailuo/2-3-image-to-video-standard")
    problems = request_problems(GenerationRequest(spec, "go", image="a.png", duration=10, resolution="1080P"))
    assert any("10 s" in p and "1080P" in p for p in problems)
    assert forbidden_reason(spec, 10, "1080P")
    assert forbidden_reason(spec, 6, "1080P") is None


def test_fixed_duration_modes_refuse_a_duration():
    spec = catalog.find_model("apixo", "hailuo-2-3-fast", "pro-image-to-video")
    assert spec.effective_duration(None) == 6
    assert request_problems(GenerationRequest(spec, "go", image="a.png", duration=10))


def test_text_models_refuse_an_image_and_image_models_need_one():
    t2v = catalog.find_model("kie", "hailuo/02-text-to-video-standard")
    i2v = catalog.find_model("kie", "hailuo/02-image-to-video-standard")
    assert request_problems(GenerationRequest(t2v, "go", image="a.png"))
    assert request_problems(GenerationRequest(i2v, "go"))


def test_prompt_length_is_checked_against_the_model():
    spec = catalog.find_model("kie", "hailuo/02-image-to-video-standard")
    assert request_problems(GenerationRequest(spec, "x" * 1501, image="a.png"))
    assert not request_problems(GenerationRequest(spec, "x" * 1500, image="a.png"))


def test_unknown_model_names_the_choices():
    try:
        catalog.find_model("apixo", "hailuo-02")
    except catalog.CatalogError as e:
        assert "hailuo-2-3-fast" in str(e)
    else:
        raise AssertionError("an unknown model was accepted")


def test_an_end_frame_at_512p_is_refused_before_sending():
    from hailuo_desktop.domain.catalog import find_model
    from hailuo_desktop.domain.request import end_frame_reason

    for provider, model in (("minimax", "MiniMax-Hailuo-02"), ("kie", "hailuo/02-image-to-video-standard")):
        spec = find_model(provider, model)
        refused = GenerationRequest(spec, "x", image="a.png", end_image="b.png", duration=6, resolution="512P")
        assert any("no end frame at 512P" in p for p in request_problems(refused)), provider
        assert request_problems(GenerationRequest(spec, "x", image="a.png", resolution="512P", duration=6)) == []
        assert (
            request_problems(
                GenerationRequest(spec, "x", image="a.png", end_image="b.png", duration=6, resolution="768P")
            )
            == []
        )
        assert end_frame_reason(spec, "768P") is None and "768P" in end_frame_reason(spec, "512P")
