talk.json
