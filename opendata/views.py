from django.shortcuts import render


def open_data(request):
    return render(request, "opendata/open_data.html", {})
