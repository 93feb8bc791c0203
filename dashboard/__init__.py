"""Dashboard: the Dash app that maps events with a timeline, filters and exports."""
