"""The team server in the GUI: opening a server project, the team with its roles, who is here.

``open_dialog.py`` is Project ▸ Open server project… (recent servers in ``recent.py``, never
with a password); ``team_dialog.py`` the team list and adding a member (admins only);
``presence.py`` the status-bar item naming who else is connected; ``menu.py`` wires these
into a main window with one call.
"""
