badtime.json
