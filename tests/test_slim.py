"""The stylesheet slimmer: rules no page can use are dropped, everything else is kept as written."""

from generator.publish import slim


def test_used_names_are_the_words_of_pages_and_scripts():
    used = slim.used_names(['<div class="md-grid plan-notice">', 'el.classList.add("md-search__form--active")'])
    assert {"md-grid", "plan-notice", "md-search__form--active"} <= used


def test_a_rule_whose_class_is_named_nowhere_is_dropped():
    css = ".md-typeset .admonition{color:red}.md-typeset p{margin:0}"
    assert slim.unused_rules_removed(css, frozenset({"md-typeset"})) == ".md-typeset p{margin:0}"


def test_a_selector_list_keeps_only_the_selectors_that_can_match():
    css = ".tabbed-set,.md-grid,p{margin:0}"
    assert slim.unused_rules_removed(css, frozenset({"md-grid"})) == ".md-grid,p{margin:0}"


def test_classes_inside_not_and_is_do_not_make_a_rule_unusable():
    css = ".md-grid:not(.md-unused){margin:0}"
    assert slim.unused_rules_removed(css, frozenset({"md-grid"})) == css


def test_grouping_rules_are_slimmed_inside_and_dropped_when_empty():
    css = "@media print{.md-grid{display:none}.admonition{color:red}}@media screen{.tabbed-set{margin:0}}"
    assert slim.unused_rules_removed(css, frozenset({"md-grid"})) == "@media print{.md-grid{display:none}}"


def test_other_at_rules_are_kept_whole():
    css = "@font-face{font-family:x;src:url(a.woff)}@keyframes spin{0%{opacity:0}to{opacity:1}}"
    assert slim.unused_rules_removed(css, frozenset()) == css


def test_braces_and_quotes_inside_strings_do_not_end_a_block():
    css = '.md-grid:after{content:"}\\"{"}.md-unused{color:red}p{quotes:"\'" "\'"}'
    assert slim.unused_rules_removed(css, frozenset({"md-grid"})) == '.md-grid:after{content:"}\\"{"}p{quotes:"\'" "\'"}'


def test_commas_inside_attribute_selectors_do_not_split_a_selector():
    css = '[data-md-color-scheme="a,b"] .md-grid{margin:0}'
    assert slim.unused_rules_removed(css, frozenset({"md-grid"})) == css
