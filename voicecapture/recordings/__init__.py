"""Boards' own recordings of their questions, which "Listen" plays instead of the device's voice.

`files` says whether a file is a recording the service can play, `places` where a board may have one, and
`folder` loads a folder of them (the `voicecapture recordings import` command in `cli`).
"""
