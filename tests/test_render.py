"""The table for people: ACLED's sides beside each actor."""

import marsad
from marsad.render import table


def test_render_table_shows_each_actors_side():
    text = (
        "اندلعت اشتباكات عنيفة أمس بين مسلحي جبهة تحرير أزواد والجيش المالي ومجموعة فاغنر "
        "قرب بلدة تساليت، وقتل خمسة جنود."
    )
    shown = table(marsad.extract(text, published="2024-07-28"))
    assert "[side 1]" in shown and "[side 2, associated]" in shown
