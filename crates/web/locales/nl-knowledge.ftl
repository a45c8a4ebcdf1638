# Knowledge base (issue 20).

# block K
access-action-knowledge-article-created = Artikel in de kennisbank geschreven
access-action-knowledge-article-changed = Artikel in de kennisbank gewijzigd
# end of block K
