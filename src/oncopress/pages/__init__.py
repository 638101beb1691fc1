"""A page's source and what it carries: front matter, dates, limits, safety, titles, the source
tree, the stamp, link metadata, site chrome.
"""
