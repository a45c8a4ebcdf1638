# Knowledge base (issue 20).

# block K
access-action-knowledge-article-created = Knowledge base article written
access-action-knowledge-article-changed = Knowledge base article changed
# end of block K

# The pages.
knowledge-title = Knowledge base
knowledge-intro = Agreements and knowledge on basic support, from the teams and from calamity reviews. Search with the words you would type yourself.
knowledge-new = Write a new article
knowledge-review-link = Articles to review
knowledge-search = Search the knowledge base
label-knowledge-q = Search words
hint-knowledge-q = For example: divorce, debts or quarrel.
label-knowledge-category = Category
label-knowledge-life-domain = Life domain
knowledge-filter-all = All
knowledge-search-button = Search
knowledge-results = { $count ->
    [one] 1 article found
   *[other] { $count } articles found
}
knowledge-recent = Newest articles
knowledge-none = No articles found. Try other words or fewer filters.
knowledge-categories = Categories
knowledge-back = Back to the knowledge base
knowledge-review-due = This article was due for review on { $date }. Check whether it is still right.
knowledge-owner = Owner
knowledge-review-by = Review by
knowledge-edit = Change the article
knowledge-updated = Last changed by { $who } on { $when }.
knowledge-versions = Versions
knowledge-version = Version { $number }
knowledge-version-first = First version
knowledge-diff = What changed in the text
knowledge-field-title = title
knowledge-field-summary = summary
knowledge-field-body-markdown = text
knowledge-field-categories = categories
knowledge-field-life-domains = life domains
knowledge-field-review-by = review date
knowledge-new-title = New article
knowledge-edit-title = Change the article
label-knowledge-title = Title
label-knowledge-summary = Summary
hint-knowledge-summary = A few sentences: what is the article about? Shown in the search results.
label-knowledge-body-markdown = Text
hint-knowledge-body-markdown = In Markdown: # Heading, **bold**, *italic*, - list, [text](https://…). HTML is not shown.
label-knowledge-categories = Categories
hint-knowledge-categories = Separated by commas, for example: Divorce, Safety.
label-knowledge-life-domains = Life domains
label-knowledge-review-by = Review by
hint-knowledge-review-by = Leave empty: a year from now.
field-error-knowledge-too-many = At most { $max }.
field-error-knowledge-unknown-code = Choose a life domain from the list.
knowledge-save = Save
knowledge-edit-conflict = Someone else changed the article in the meantime. Open it again and then make your change.
done-knowledge-created = The article is in the knowledge base.
done-knowledge-changed = The change was saved as a new version.
knowledge-review-title = Articles to review
knowledge-review-intro = These articles are past their review date. Check whether they are still right and set a new date, or change them. Your own articles come first.
knowledge-review-none = No articles are past their review date.
knowledge-review-caption = Articles past their review date
knowledge-col-title = Article
knowledge-own = yours
knowledge-useful-here = Useful here
knowledge-useful-more = More in the knowledge base

# The editor right on the admin user page.
admin-users-knowledge = Knowledge base
admin-users-knowledge-editor = May write and change articles in the knowledge base (editor)
admin-users-knowledge-hint = Admins and team managers always write; everyone in the organisation reads.
admin-users-knowledge-submit = Save the editor right
done-user-knowledge-editor = The knowledge base editor right is saved.
knowledge-changed = Changed: { $fields }
