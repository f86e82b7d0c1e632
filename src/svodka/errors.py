"""The project's error type: what the command line reports as one line."""


class SvodkaError(Exception):
    """A problem with the user's input or environment, reported as one line, never as a traceback."""


class InputError(SvodkaError):
    """An input that cannot be read: a missing, empty, binary or undecodable file, or a bad value."""
