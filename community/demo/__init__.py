"""Demo content of the core and the factories the tests build people and organisations with."""

from community.demo.content import load

__all__ = ["load"]
