"""What the API says of each public object: serializers split by app."""
