"""The editorial checks of every page: preflight, the site check, reviewers, HTML policy,
privacy, placeholder hosts, the editorial settings and one build's editorial state.
"""
