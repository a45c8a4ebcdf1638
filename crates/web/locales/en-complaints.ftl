# Complaints (issue 17).

# block C: complaints
access-action-complaint-registered = Complaint recorded
access-action-complaint-submitted = Complaint submitted
access-action-complaint-read = Complaint read
access-action-complaint-list = Complaints read
access-action-complaint-step-recorded = Complaint step recorded
access-action-complaint-extended = Complaint decision put off
access-action-complaint-lessons-recorded = Lessons from complaint recorded
# end of block C
