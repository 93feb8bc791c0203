"""Events: reading reports, extracting dated and geocoded events, storing and exporting them."""
