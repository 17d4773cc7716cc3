"""Consistency checks of a loaded map: a registry of small checks, each with its code."""

from __future__ import annotations

from argmap.checks.registry import Check, Context, Finding, Stage
from argmap.checks.runner import CHECKS, check

__all__ = ["CHECKS", "Check", "Context", "Finding", "Stage", "check"]
