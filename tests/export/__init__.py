"""Tests of review reports and exports."""
