# This app's models arrive with its issue; see ../shared/DESIGN.md ("Domain").
