"""Geodata: the gazetteer of Iraq and Syria, place resolution, boundaries and map layers."""
