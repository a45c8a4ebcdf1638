# Knowledge base (issue 20).

# block K
access-action-knowledge-article-created = Knowledge base article written
access-action-knowledge-article-changed = Knowledge base article changed
# end of block K
