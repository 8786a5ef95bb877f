deep.json
