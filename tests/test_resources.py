"""Resources: the one holder of the process's models and lexicons, handed to the stages."""
from svodka.detect.triggers import detect
from svodka.lexicon import PatternSet
from svodka.model import Document
from svodka.pipeline import extract
from svodka.resources import Resources
from tests.helpers import lemmatised

TEXT = "В центре Минска прошел митинг оппозиции."


class WithoutTriggers(Resources):
    """Resources whose trigger lexicon is empty."""

    def patterns(self, name):
        return PatternSet([]) if name == "detect/triggers.tsv" else super().patterns(name)


def test_each_attribute_is_built_once_and_only_when_read():
    resources = Resources()
    classes = resources.event_classes
    assert resources.event_classes is classes
    assert resources.patterns("detect/modality.tsv") is resources.patterns("detect/modality.tsv")
    assert "entity_tagger" not in resources.__dict__ and "gazetteer" not in resources.__dict__


def test_the_process_has_one_shared_resources():
    assert Resources.shared() is Resources.shared()


def test_detect_reads_the_lexicons_of_the_resources_it_is_handed():
    assert [t.kind for t in detect(lemmatised(TEXT)).triggers] == ["protest"]
    assert detect(lemmatised(TEXT), WithoutTriggers()).triggers == []


def test_the_pipeline_hands_its_resources_to_the_stages():
    from svodka.options import ExtractOptions

    no_shortcut = ExtractOptions(shortcut=False)
    assert [e.kind for e in extract(Document("a", TEXT), no_shortcut).events] == ["protest"]
    assert extract(Document("b", TEXT), no_shortcut, WithoutTriggers()).events == []
