"""What a user sees before a project is open: the start window and the new-project dialog."""
