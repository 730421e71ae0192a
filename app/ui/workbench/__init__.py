"""The coding workbench: the main window and its panels."""
