"""Every check of a rule set, a composition and a cooperation model, one module per family.

A family module starts with a docstring naming its rule ids (`FC-9`, `KU-7`, ... of
the domain brief) and codes, declares its :class:`~jarjestoyhteistyo.codes.Code`
objects at its top with a ``CODES`` tuple (the yamllint habit: a rule lives with its
documentation), and has its checks below. :func:`~jarjestoyhteistyo.rules.checks.check`
(``JY1xx``, a rule set on its own) and :func:`~jarjestoyhteistyo.rules.validation.validate`
(``JY2xx``, a composition against the rule set's general form) are the entry points;
each runs the families' checks through one explicit table,
:data:`~jarjestoyhteistyo.rules.checks.RULE_SET_CHECKS` and
:data:`~jarjestoyhteistyo.rules.validation.COMPOSITION_CHECKS`.

* :mod:`~jarjestoyhteistyo.rules.consistency` — ranges and references (`FC-4`, `FC-11`):
  ``JY101``, ``JY119``, ``JY219``;
* :mod:`~jarjestoyhteistyo.rules.meetings` — meetings and time demands (`FC-11`,
  `OF-6`, `WS-9`): ``JY104``, ``JY121``, ``JY130``;
* :mod:`~jarjestoyhteistyo.rules.terms` — the term policy (`FC-12`, `FC-13`, `KU-5`) and
  rotating duties (`GEN-3`): ``JY102``, ``JY103``, ``JY118``, ``JY132``–``JY135``;
* :mod:`~jarjestoyhteistyo.rules.politics` — no party politics (`WS-1`): ``JY108``,
  ``JY120``, ``JY221``;
* :mod:`~jarjestoyhteistyo.rules.seats` — seat groups, quotas, holders and size
  (`FC-4`–`FC-6`, `KU-4`, `KU-7`, `KU-10`, `KU-12`): ``JY105``, ``JY106``, ``JY110``,
  ``JY126``, ``JY201``–``JY203``, ``JY206``, ``JY209``, ``JY213``–``JY215``,
  ``JY223``–``JY225``;
* :mod:`~jarjestoyhteistyo.rules.deputies` — deputies (`FC-8`, `FC-9`, `FC-10`,
  `KU-7`): ``JY111``, ``JY204``, ``JY205``, ``JY207``, ``JY208``, ``JY220``;
* :mod:`~jarjestoyhteistyo.rules.chair` — the chair and the other functions (`FC-7`,
  `OF-5`, `WS-8`): ``JY112``, ``JY115``, ``JY210``, ``JY211``, ``JY226``;
* :mod:`~jarjestoyhteistyo.rules.diversity` — volunteer-run organisations, languages,
  sizes and municipalities (`WS-4`, `WS-7`, `GEN-1`): ``JY216``–``JY218``, ``JY222``;
* :mod:`~jarjestoyhteistyo.rules.values` — values refer to what exists: category and
  language codes, with "did you mean" (`GEN-2`): ``JY140``–``JY142``, ``JY240``–``JY244``;
* :mod:`~jarjestoyhteistyo.rules.formal` — a formal committee's mandate (`FC-3`,
  `FC-15`, `FC-16`): ``JY114``, ``JY122``, ``JY123``;
* :mod:`~jarjestoyhteistyo.rules.forum` — an open forum and any cap (`OF-3`, `OF-4`,
  `OF-8`, `OF-9`, `OF-10`): ``JY107``, ``JY113``, ``JY125``, ``JY129``, ``JY212``;
* :mod:`~jarjestoyhteistyo.rules.council` — a theme-network council (`KU-4`, `KU-6`,
  `KU-7`, `KU-10`, `KU-14`): ``JY116``, ``JY117``, ``JY124``, ``JY127``, ``JY128``;
* :mod:`~jarjestoyhteistyo.rules.cooperation` — a city's cooperation model (`JP-1` …
  `JP-7`): ``JY6xx``.

A general rule set has no family of its own: it is what every composition check
reads (:meth:`~jarjestoyhteistyo.model.rulesets.GeneralRuleSet.as_general`), and its own
few rule-set checks (seat groups, a cap, pair deputies) sit in the families of those
concepts. :mod:`~jarjestoyhteistyo.rules.base` holds what the families share: the kinds
the codes name, and the :class:`~jarjestoyhteistyo.rules.base.Context` of a validation.
The meeting workload (``JY109``) is computed with the meeting calendar in
:mod:`jarjestoyhteistyo.calc.meetings`; roadmap checks are in their own module.

**Adding a rule** is three things:

1. **Its family module**: the ``Code`` object at the top with the others, listed in
   the module's ``CODES`` tuple, and the check below it: a function of the rule set
   (``RuleSet -> Iterator[Finding]``, returning nothing for kinds it does not apply
   to) or of the composition (``Context -> Iterator[Finding]``) that emits
   ``finding(JY227, path, ...)``; or a line in an existing check. A new check function
   gets its entry in :data:`~jarjestoyhteistyo.rules.checks.RULE_SET_CHECKS` or
   :data:`~jarjestoyhteistyo.rules.validation.COMPOSITION_CHECKS`; a new family module
   also gets its ``CODES`` in :mod:`jarjestoyhteistyo.catalogue` (one line) and, with
   ``JY2xx`` codes, in :data:`~jarjestoyhteistyo.rules.validation.VALIDATION_CODES`.
2. **Its test**, in ``tests/test_checks.py`` (a check of a rule set) or
   ``tests/test_validation.py`` (of a composition), under the code's heading and named
   after the rule and the code (``test_fc9_..._JY205``): one that makes the check
   report the code (``tests/test_codes.py`` fails until a test names it).
3. **If tagged** ``BREAKABLE``, **one breaker entry** in ``_BREAKERS`` of
   :mod:`jarjestoyhteistyo.fictional.breakers` (see :mod:`jarjestoyhteistyo.catalogue`).

>>> from jarjestoyhteistyo.rules.checks import RULE_SET_CHECKS
>>> from jarjestoyhteistyo.rules.validation import COMPOSITION_CHECKS
>>> RULE_SET_CHECKS[0].__module__, COMPOSITION_CHECKS[0].__name__
('jarjestoyhteistyo.rules.meetings', 'validate_references')
"""
