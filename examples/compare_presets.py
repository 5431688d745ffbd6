# %% [markdown]
# # Comparing the three shipped structures
#
# The Vantaa–Kerava formal NGO advisory council (`FC`), the Vantaa–Kerava open forum
# (`OF`) and the Keski-Uusimaa council fed by theme networks (`KU`), side by side:
# metrics, the scorecard against the workshops' criteria (`WS-1`, `WS-2`), the
# rotation plan (`FC-13`, `KU-5`), vacancy risk by term length (`WS-5`) and diagrams.
# This file is the script twin of `compare_presets.ipynb` (same cells, run in CI).

# %%
import importlib.util
from pathlib import Path

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.analysis.compare import compare, scorecard
from jarjestoyhteistyo.analysis.simulate import compare_terms
from jarjestoyhteistyo.render.diagrams import to_mermaid
from jarjestoyhteistyo.render.plots import plot_rotation, plot_scorecard, plot_vacancy_risk

HAVE_PLOT = importlib.util.find_spec("matplotlib") is not None
NO_PLOT = "pip install 'jarjestoyhteistyo[plot]' to see the pictures"
# the example compositions sit beside this file (Jupyter runs in the notebook's folder)
EXAMPLES = Path(__file__).resolve().parent if "__file__" in globals() else Path.cwd()
NAMES = {
    "formal": "vantaa-kerava-formal",
    "forum": "vantaa-kerava-open-forum",
    "KU": "keski-uusimaa",
}
presets = {label: jy.load_preset(name) for label, name in NAMES.items()}

# %% [markdown]
# ## Metrics and scores side by side
#
# Every row has a unit and a definition (`METRIC_DEFINITIONS`); the fee cost assumes
# 50 € per meeting where the fee rule applies (`FC-14`; the forum pays none, `OF-9`).

# %%
table = compare(*presets.values(), labels=tuple(presets), fee_per_meeting=50.0)
print(table.to_markdown())

# %% [markdown]
# ## Scorecard
#
# Each line says which facts it looked at, the verdict and why. Weights are data:
# here an analyst who values openness twice as much.

# %%
cards = {label: scorecard(rules) for label, rules in presets.items()}
for label, card in cards.items():
    print(f"{label}: total {card.total:.2f}")
    for line in card.lines:
        print(f"  {line.label:<34} {line.word:<8} {line.why}")
open_minded = {label: scorecard(r, weights={"openness": 2.0}) for label, r in presets.items()}
print({label: round(card.total, 2) for label, card in open_minded.items()})

# %% tags=["plot"]
# a cell's last value is shown: here the figure
plot_scorecard(*cards.values()) if HAVE_PLOT else NO_PLOT

# %% [markdown]
# ## Rotation plan
#
# Half of the formal council changes every year (`FC-13`); in Keski-Uusimaa one of
# each work pair changes at a time (`KU-5`). The open forum's term is agreed with the
# NGOs (`OF-8`), so it has no plan.

# %%
formal_comp = jy.load_composition(EXAMPLES / "vantaa-kerava-formal.yaml")
plan = jy.rotation_plan(presets["formal"], formal_comp, years=4)
for change in plan.changeovers:
    print(change.date, len(change.seats), "seats up")

# %% tags=["plot"]
plot_rotation(presets["KU"], years=6) if HAVE_PLOT else NO_PLOT

# %% [markdown]
# ## Vacancy risk: a 2-year term versus the council term (`WS-5`)
#
# 15 % of people leave a year; nobody is appointed mid-term, vacancies are filled at
# the next changeover. Exact per-seat figures; the peak of simultaneous vacancies is
# Monte Carlo with a fixed seed.

# %%
risk = {
    label: compare_terms(rules, dropout_per_year=0.15, refill_months=None, runs=2000, seed=2025)
    for label, rules in presets.items()
}
for label, results in risk.items():
    for r in results:
        print(
            f"{label:<6} term {r.term_months} months: P(seat vacant) {r.p_seat_vacant:.2f}, "
            f"vacant seat-months {r.expected_vacant_seat_months:.1f}, "
            f"mean peak {r.mean_peak_vacant:.1f} seats"
        )

# %% tags=["plot"]
plot_vacancy_risk(risk) if HAVE_PLOT else NO_PLOT

# %% [markdown]
# ## Diagram
#
# Mermaid text renders in GitHub, GitLab and many Markdown viewers; `to_dot` gives
# Graphviz.

# %%
print(to_mermaid(presets["KU"]))
