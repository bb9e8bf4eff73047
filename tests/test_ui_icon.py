from hailuo_desktop.ui.icon import app_icon


def test_the_shipped_icon_is_loaded_at_every_size(qapp):
    icon = app_icon()
    assert not icon.isNull()
    sizes = {s.width() for s in icon.availableSizes()}
    assert {16, 32, 256} <= sizes
